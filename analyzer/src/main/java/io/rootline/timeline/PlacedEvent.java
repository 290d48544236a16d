package io.rootline.timeline;

import io.rootline.model.Event;
import java.time.Instant;

/**
 * An event with its place on the bundle's time line: the instant when the clock
 * evidence allows it, otherwise the seconds since boot it was stamped with, otherwise nothing.
 *
 * @param event     what was read
 * @param instant   when it happened (null when the bundle lacks the clock evidence)
 * @param sinceBoot raw kernel seconds when no instant could be had (null otherwise)
 */
public record PlacedEvent(Event event, Instant instant, Double sinceBoot) {
}
