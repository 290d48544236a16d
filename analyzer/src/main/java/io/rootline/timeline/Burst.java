package io.rootline.timeline;

import io.rootline.model.Evidence;
import java.time.Instant;

/**
 * Consecutive events of one kind from one artifact, close together in time: how
 * kernels print trouble (ten drop messages a second, then a rate-limit note).
 *
 * @param kind       the events' kind
 * @param first      when the first printed event happened (null when not placed in time)
 * @param last       when the last one happened
 * @param firstBoot  seconds since boot of the first event, when no instant is known
 * @param lastBoot   seconds since boot of the last event, when no instant is known
 * @param printed    events printed in the log
 * @param suppressed events a rate-limit note says were not printed, counted into this burst
 * @param evidence   the first printed line
 * @param lastEvidence the last printed line
 */
public record Burst(String kind, Instant first, Instant last, Double firstBoot, Double lastBoot,
                    long printed, long suppressed, Evidence evidence, Evidence lastEvidence) {

    /** Printed and suppressed together: the size of the effect. */
    public long total() {
        return printed + suppressed;
    }
}
