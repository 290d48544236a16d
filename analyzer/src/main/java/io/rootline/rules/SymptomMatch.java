package io.rootline.rules;

import io.rootline.model.Evidence;
import java.time.Instant;
import java.util.List;

/**
 * Symptom events of one kind that fell inside a finding's correlation window.
 *
 * @param source   the file(s) they came from, for the effect line ("app.log")
 * @param evidence the first few of them
 */
public record SymptomMatch(String kind, String label, String noun, long count, Instant firstSeen, Instant lastSeen,
                           String source, List<Evidence> evidence) {
}
