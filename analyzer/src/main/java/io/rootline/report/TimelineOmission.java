package io.rootline.report;

import java.time.Instant;

/**
 * The bursts of one kind that the timeline leaves out, summed up: a host that logs a DNS
 * failure every half minute for eleven days has 24,000 of them, which no one reads as a
 * timeline (and which would make the report grow with the bundle).
 *
 * @param bursts     how many bursts are left out
 * @param count      the events they printed
 * @param suppressed the events rate-limit notes say they did not print
 * @param first      the earliest of them (null when none could be placed on the clock)
 * @param last       the latest of them
 */
public record TimelineOmission(String kind, long bursts, long count, long suppressed, Instant first, Instant last) {
}
