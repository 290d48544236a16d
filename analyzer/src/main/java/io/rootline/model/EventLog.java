package io.rootline.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The events of one artifact, in line order, kept in columns rather than as objects.
 *
 * <p>An application log of gigabytes holds a failure every few lines: as {@link Event}
 * records with their stamps and evidence, each cost about 200 bytes, and the analyzer's
 * memory grew with the log. Here an event costs about 40 bytes: its time as two numbers,
 * its line number, and references to strings and attribute maps that the parsers share.
 * Read as a {@code List<Event>}, each {@link #get} builds the event afresh, equal to the one
 * appended.
 *
 * <p>A parser's {@link io.rootline.parse.ArtifactBuilder} fills the log; once the artifact
 * is built the log is {@linkplain #seal sealed} and reads only.
 */
public final class EventLog extends AbstractList<Event> implements RandomAccess {

    private static final byte NONE = 0;
    private static final byte ABSOLUTE = 1;
    private static final byte LOCAL_WALL = 2;
    private static final byte TIME_OF_DAY = 3;
    private static final byte SINCE_BOOT = 4;
    private static final byte YEARLESS_WALL = 5;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** Events per chunk once the first chunk has grown to full size. */
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final String path;
    private final List<Chunk> chunks = new ArrayList<>();
    private int size;
    private boolean sealed;

    /** An empty log for the artifact at this bundle-relative path. */
    public EventLog(String path) {
        this.path = path;
    }

    /** A sealed log holding these events, which must all be evidenced in one path. */
    public static EventLog of(String path, Iterable<Event> events) {
        EventLog log = new EventLog(path);
        events.forEach(log::append);
        log.seal();
        return log;
    }

    public String path() {
        return path;
    }

    /**
     * Adds an event at the end.
     *
     * @throws IllegalArgumentException when its evidence names another artifact: a log
     *                                  holds one artifact's events
     * @throws IllegalStateException    when the log is sealed
     */
    public void append(Event event) {
        if (sealed) {
            throw new IllegalStateException("the event log of " + path + " is sealed");
        }
        Evidence evidence = event.evidence();
        if (!path.equals(evidence.path())) {
            throw new IllegalArgumentException("an event of " + evidence.path() + " in the log of " + path);
        }
        int at = size & (CHUNK - 1);
        if (at == 0 && size > 0 || chunks.isEmpty()) {
            chunks.add(new Chunk(chunks.isEmpty() ? 16 : CHUNK));
        }
        Chunk c = chunks.get(chunks.size() - 1);
        if (at == c.kinds.length) {
            c = c.grown(Math.min(CHUNK, at * 2));
            chunks.set(chunks.size() - 1, c);
        }
        size++;
        c.kinds[at] = event.kind();
        Stamp stamp = event.stamp();
        if (stamp instanceof Stamp.Absolute a) {
            c.forms[at] = ABSOLUTE;
            c.values[at] = a.instant().getEpochSecond();
            c.nanos[at] = a.instant().getNano();
        } else if (stamp instanceof Stamp.LocalWall w) {
            c.forms[at] = LOCAL_WALL;
            c.values[at] = w.dateTime().toEpochSecond(ZoneOffset.UTC);
            c.nanos[at] = w.dateTime().getNano();
        } else if (stamp instanceof Stamp.TimeOfDay t) {
            c.forms[at] = TIME_OF_DAY;
            c.values[at] = t.time().toNanoOfDay();
        } else if (stamp instanceof Stamp.YearlessWall y) {
            // month and day above the nanoseconds of the day: (12 * 32 + 31) days fit a long
            c.forms[at] = YEARLESS_WALL;
            c.values[at] = (y.date().getMonthValue() * 32L + y.date().getDayOfMonth()) * NANOS_PER_DAY + y.time().toNanoOfDay();
        } else if (stamp instanceof Stamp.SinceBoot b) {
            c.forms[at] = SINCE_BOOT;
            c.values[at] = Double.doubleToRawLongBits(b.seconds());
        } else {
            c.forms[at] = NONE;
        }
        c.count(at, event.count());
        c.lines[at] = evidence.line();
        c.texts[at] = evidence.text();
        c.attributes[at] = event.attributes();
    }

    /** Ends appending: from now on the log only reads. */
    public void seal() {
        sealed = true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Event get(int i) {
        return new Event(kind(i), stamp(i), count(i), attributes(i), evidence(i));
    }

    public String kind(int i) {
        return chunk(i).kinds[i & (CHUNK - 1)];
    }

    public long count(int i) {
        long[] counts = chunk(i).counts;
        return counts == null ? 1 : counts[i & (CHUNK - 1)];
    }

    public Evidence evidence(int i) {
        Chunk c = chunk(i);
        return new Evidence(path, c.lines[i & (CHUNK - 1)], c.texts[i & (CHUNK - 1)]);
    }

    /** The text of the line the event was read from, as its evidence quotes it. */
    public String text(int i) {
        return chunk(i).texts[i & (CHUNK - 1)];
    }

    /** The 1-based line the event was read from. */
    public int line(int i) {
        return chunk(i).lines[i & (CHUNK - 1)];
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> attributes(int i) {
        return (Map<String, String>) chunk(i).attributes[i & (CHUNK - 1)];
    }

    public Stamp stamp(int i) {
        Chunk c = chunk(i);
        int at = i & (CHUNK - 1);
        return switch (c.forms[at]) {
            case ABSOLUTE -> new Stamp.Absolute(Instant.ofEpochSecond(c.values[at], c.nanos[at]));
            case LOCAL_WALL -> new Stamp.LocalWall(LocalDateTime.ofEpochSecond(c.values[at], c.nanos[at], ZoneOffset.UTC));
            case TIME_OF_DAY -> new Stamp.TimeOfDay(LocalTime.ofNanoOfDay(c.values[at]));
            case SINCE_BOOT -> new Stamp.SinceBoot(Double.longBitsToDouble(c.values[at]));
            case YEARLESS_WALL -> {
                long days = c.values[at] / NANOS_PER_DAY;
                yield new Stamp.YearlessWall(MonthDay.of((int) (days / 32), (int) (days % 32)),
                        LocalTime.ofNanoOfDay(c.values[at] % NANOS_PER_DAY));
            }
            default -> Stamp.NONE;
        };
    }

    /** Whether the event was stamped with seconds since boot (see {@link #sinceBoot}). */
    public boolean stampedSinceBoot(int i) {
        return chunk(i).forms[i & (CHUNK - 1)] == SINCE_BOOT;
    }

    /** The seconds since boot an event was stamped with; only for {@link #stampedSinceBoot} events. */
    public double sinceBoot(int i) {
        return Double.longBitsToDouble(chunk(i).values[i & (CHUNK - 1)]);
    }

    private Chunk chunk(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("event " + i + " of " + size);
        }
        return chunks.get(i >>> CHUNK_BITS);
    }

    /**
     * The columns of up to {@value #CHUNK} events. A full chunk is never copied: with a log
     * growing by copying, the abandoned copies would stay in the old generation until a
     * full collection, and peak memory would grow twice as fast as the log.
     */
    private static final class Chunk {
        private final String[] kinds;
        private final byte[] forms;
        /** Epoch seconds (absolute; local wall read as if UTC), nanos of the day, or a double's bits. */
        private final long[] values;
        private final int[] nanos;
        /** Made only when an event stands for more than one occurrence: most stand for one. */
        private long[] counts;
        private final int[] lines;
        private final String[] texts;
        private final Object[] attributes;

        Chunk(int capacity) {
            kinds = new String[capacity];
            forms = new byte[capacity];
            values = new long[capacity];
            nanos = new int[capacity];
            lines = new int[capacity];
            texts = new String[capacity];
            attributes = new Object[capacity];
        }

        private Chunk(Chunk from, int capacity) {
            kinds = Arrays.copyOf(from.kinds, capacity);
            forms = Arrays.copyOf(from.forms, capacity);
            values = Arrays.copyOf(from.values, capacity);
            nanos = Arrays.copyOf(from.nanos, capacity);
            counts = from.counts == null ? null : Arrays.copyOf(from.counts, capacity);
            lines = Arrays.copyOf(from.lines, capacity);
            texts = Arrays.copyOf(from.texts, capacity);
            attributes = Arrays.copyOf(from.attributes, capacity);
        }

        void count(int at, long count) {
            if (counts == null && count != 1) {
                counts = new long[kinds.length];
                Arrays.fill(counts, 0, at, 1);
            }
            if (counts != null) {
                counts[at] = count;
            }
        }

        /** The first chunk starts small (most artifacts have a handful of events) and doubles. */
        Chunk grown(int capacity) {
            return new Chunk(this, capacity);
        }
    }
}
