package io.rootline.rules;

import io.rootline.model.Severity;
import java.util.List;

/**
 * A rule that could not be decided because the bundle lacks what it reads. Never a
 * silent "healthy": reports list these with what each needs.
 *
 * @param needs logical artifacts (or names) that were not collected or not readable
 */
public record NotEvaluated(String rule, String title, Severity severity, List<String> needs) {
}
