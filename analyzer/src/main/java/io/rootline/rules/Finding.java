package io.rootline.rules;

import io.rootline.model.Evidence;
import io.rootline.model.Severity;
import java.time.Instant;
import java.util.List;

/**
 * A rule that fired: the cause, its size, the symptoms aligned with it, the evidence
 * to check it by hand and the remediation computed from the bundle's own numbers.
 *
 * @param firstSeen  first cause event, to the second (null when the cause is a fact, not an event)
 * @param count      cause events printed plus suppressed
 * @param printed    cause events printed in the log
 * @param suppressed cause events a rate-limit note says were not printed
 * @param effect     the size of the effect in words ("20 kernel drops + 4888 suppressed, app.log 37 failures")
 * @param notes      what could not be done (a remediation step that needs a missing artifact), and the
 *                   threshold that decided the severity when the rule has several
 * @param perDay     how often a since-boot counter grew, per day over the uptime (null when the rule has no
 *                   rate, or it could not be computed); reports show it where a time would be
 * @param causeKinds the event kinds of its cause: every burst of them between {@code firstSeen} and
 *                   {@code lastSeen} belongs to the finding, quoted or not
 */
public record Finding(String rule, String title, Severity severity, String description, Instant firstSeen,
                      Instant lastSeen, long count, long printed, long suppressed, String summary, String effect,
                      List<Evidence> evidence, List<SymptomMatch> symptoms, List<io.rootline.model.Phrase> remediation,
                      List<String> notes, java.math.BigDecimal perDay, java.util.Set<String> causeKinds) {

    public Finding {
        causeKinds = java.util.Set.copyOf(causeKinds);
    }
}
