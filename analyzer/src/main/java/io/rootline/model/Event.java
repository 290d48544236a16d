package io.rootline.model;

import java.util.Map;

/**
 * Something that happened at a time, read from one line of one artifact: a kernel
 * drop message, a rate-limit note, an application exception. Parsers create
 * events with the stamp they read; the clock later gives each its instant.
 *
 * @param kind       dotted name rules refer to, e.g. {@code kernel.conntrack-table-full}
 * @param stamp      the time as written
 * @param count      how many occurrences this event stands for (a rate-limit note
 *                   stands for the callbacks it says were suppressed)
 * @param attributes small named values (exception class, port, source)
 * @param evidence   where it was read
 */
public record Event(String kind, Stamp stamp, long count, Map<String, String> attributes, Evidence evidence) {

    public Event {
        attributes = Map.copyOf(attributes);
    }

    public static Event of(String kind, Stamp stamp, Evidence evidence) {
        return new Event(kind, stamp, 1, Map.of(), evidence);
    }

    public String attribute(String name) {
        return attributes.get(name);
    }
}
