package io.rootline.timeline;

import io.rootline.model.Event;
import io.rootline.model.Evidence;
import java.time.Instant;

/**
 * One event with its place on the bundle's time line: the instant when the clock evidence
 * allows it, otherwise the seconds since boot it was stamped with, otherwise nothing.
 *
 * <p>It is a window on the event's row in its artifact's {@link PlacedEvents}: rules scan
 * every event of a kind for each symptom, and reading a count or a time should not build
 * the whole event.
 */
public final class PlacedEvent {

    private final PlacedEvents events;
    private final int index;

    PlacedEvent(PlacedEvents events, int index) {
        this.events = events;
        this.index = index;
    }

    /** What was read, built afresh. */
    public Event event() {
        return events.event(index);
    }

    /** When it happened (null when the bundle lacks the clock evidence). */
    public Instant instant() {
        return events.instant(index);
    }

    /** Raw kernel seconds when no instant could be had (null otherwise). */
    public Double sinceBoot() {
        return events.sinceBoot(index);
    }

    public String kind() {
        return events.kind(index);
    }

    /** How many occurrences the event stands for. */
    public long count() {
        return events.count(index);
    }

    /** Where it was read. */
    public Evidence evidence() {
        return events.evidence(index);
    }

    /** The line's text, as the evidence quotes it, without building the evidence. */
    public String text() {
        return events.log().text(index);
    }

    /** The artifact it was read from, without building the evidence. */
    public String path() {
        return events.log().path();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlacedEvent p && p.events == events && p.index == index;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(events) * 31 + index;
    }

    @Override
    public String toString() {
        return "PlacedEvent[" + event() + " at " + (instant() != null ? instant() : sinceBoot() + " s since boot") + "]";
    }
}
