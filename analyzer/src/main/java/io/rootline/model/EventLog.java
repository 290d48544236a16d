package io.rootline.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The events of one artifact, in line order, kept in columns rather than as objects.
 *
 * <p>An application log of gigabytes holds a failure every few lines: as {@link Event}
 * records with their stamps and evidence, each cost about 200 bytes, and the analyzer's
 * memory grew with the log. Here an event costs 15 bytes: its time as one number (and its
 * form), its line number, and the number of its shape (kind, quoted text and attributes)
 * among the shapes of its chunk. A log's failures repeat a few shapes word for word, so a
 * shape is kept once per chunk rather than as three references per event. Read as a
 * {@code List<Event>}, each {@link #get} builds the event afresh, equal to the one
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
    /** An absolute or local wall time beyond the years 1678-2262, which a long of nanoseconds holds. */
    private static final byte ABSOLUTE_WIDE = 6;
    private static final byte LOCAL_WALL_WIDE = 7;
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
            if (!chunks.isEmpty()) {
                chunks.get(chunks.size() - 1).filled();
            }
            chunks.add(new Chunk(chunks.isEmpty() ? 16 : CHUNK));
        }
        Chunk c = chunks.get(chunks.size() - 1);
        if (at == c.forms.length) {
            c = c.grown(Math.min(CHUNK, at * 2));
            chunks.set(chunks.size() - 1, c);
        }
        size++;
        Stamp stamp = event.stamp();
        if (stamp instanceof Stamp.Absolute a) {
            c.time(at, ABSOLUTE, ABSOLUTE_WIDE, a.instant().getEpochSecond(), a.instant().getNano());
        } else if (stamp instanceof Stamp.LocalWall w) {
            c.time(at, LOCAL_WALL, LOCAL_WALL_WIDE, w.dateTime().toEpochSecond(ZoneOffset.UTC), w.dateTime().getNano());
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
        c.shape(at, event.kind(), evidence.text(), event.attributes());
    }

    /** Ends appending: from now on the log only reads. */
    public void seal() {
        sealed = true;
        if (!chunks.isEmpty()) {
            chunks.get(chunks.size() - 1).filled();
        }
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
        Chunk c = chunk(i);
        return c.kinds[c.shapes[i & (CHUNK - 1)]];
    }

    public long count(int i) {
        long[] counts = chunk(i).counts;
        return counts == null ? 1 : counts[i & (CHUNK - 1)];
    }

    public Evidence evidence(int i) {
        Chunk c = chunk(i);
        return new Evidence(path, c.lines[i & (CHUNK - 1)], c.texts[c.shapes[i & (CHUNK - 1)]]);
    }

    /** The text of the line the event was read from, as its evidence quotes it. */
    public String text(int i) {
        Chunk c = chunk(i);
        return c.texts[c.shapes[i & (CHUNK - 1)]];
    }

    /** The 1-based line the event was read from. */
    public int line(int i) {
        return chunk(i).lines[i & (CHUNK - 1)];
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> attributes(int i) {
        Chunk c = chunk(i);
        return (Map<String, String>) c.attributes[c.shapes[i & (CHUNK - 1)]];
    }

    public Stamp stamp(int i) {
        Chunk c = chunk(i);
        int at = i & (CHUNK - 1);
        return switch (c.forms[at]) {
            case ABSOLUTE -> new Stamp.Absolute(Instant.ofEpochSecond(EpochNanos.epochSecond(c.values[at]),
                    EpochNanos.nano(c.values[at])));
            case ABSOLUTE_WIDE -> new Stamp.Absolute(Instant.ofEpochSecond(c.values[at], c.wideNanos[at]));
            case LOCAL_WALL -> new Stamp.LocalWall(LocalDateTime.ofEpochSecond(EpochNanos.epochSecond(c.values[at]),
                    EpochNanos.nano(c.values[at]), ZoneOffset.UTC));
            case LOCAL_WALL_WIDE -> new Stamp.LocalWall(LocalDateTime.ofEpochSecond(c.values[at], c.wideNanos[at], ZoneOffset.UTC));
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
        private final byte[] forms;
        /**
         * Epoch nanoseconds (absolute; local wall read as if UTC), or for the wide forms epoch
         * seconds; nanos of the day; or a double's bits.
         */
        private final long[] values;
        /** The nanoseconds of the wide forms' seconds: made only when a time lies beyond a long's nanoseconds. */
        private int[] wideNanos;
        /** Made only when an event stands for more than one occurrence: most stand for one. */
        private long[] counts;
        private final int[] lines;
        /** Each event's shape, a place in the three columns below; a chunk of {@value #CHUNK} has as many at most. */
        private final char[] shapes;
        private String[] kinds;
        private String[] texts;
        private Object[] attributes;
        private int shapeCount;
        /** The shapes' places while the chunk fills; dropped once it is full. */
        private Map<Shape, Character> shapeIndex = new HashMap<>();

        Chunk(int capacity) {
            forms = new byte[capacity];
            values = new long[capacity];
            lines = new int[capacity];
            shapes = new char[capacity];
            kinds = new String[8];
            texts = new String[8];
            attributes = new Object[8];
        }

        private Chunk(Chunk from, int capacity) {
            forms = Arrays.copyOf(from.forms, capacity);
            values = Arrays.copyOf(from.values, capacity);
            wideNanos = from.wideNanos == null ? null : Arrays.copyOf(from.wideNanos, capacity);
            counts = from.counts == null ? null : Arrays.copyOf(from.counts, capacity);
            lines = Arrays.copyOf(from.lines, capacity);
            shapes = Arrays.copyOf(from.shapes, capacity);
            kinds = from.kinds;
            texts = from.texts;
            attributes = from.attributes;
            shapeCount = from.shapeCount;
            shapeIndex = from.shapeIndex;
        }

        /** An absolute or local wall time: as nanoseconds when a long holds them, else in the wide form. */
        void time(int at, byte form, byte wideForm, long seconds, int nanos) {
            if (EpochNanos.holds(seconds)) {
                forms[at] = form;
                values[at] = EpochNanos.of(seconds, nanos);
                return;
            }
            if (wideNanos == null) {
                wideNanos = new int[forms.length];
            }
            forms[at] = wideForm;
            values[at] = seconds;
            wideNanos[at] = nanos;
        }

        void count(int at, long count) {
            if (counts == null && count != 1) {
                counts = new long[forms.length];
                Arrays.fill(counts, 0, at, 1);
            }
            if (counts != null) {
                counts[at] = count;
            }
        }

        void shape(int at, String kind, String text, Object attributes) {
            Shape shape = new Shape(kind, text, attributes);
            Character known = shapeIndex.get(shape);
            if (known != null) {
                shapes[at] = known;
                return;
            }
            if (shapeCount == kinds.length) {
                int grown = Math.min(CHUNK, shapeCount * 2);
                kinds = Arrays.copyOf(kinds, grown);
                texts = Arrays.copyOf(texts, grown);
                this.attributes = Arrays.copyOf(this.attributes, grown);
            }
            kinds[shapeCount] = kind;
            texts[shapeCount] = text;
            this.attributes[shapeCount] = attributes;
            shapeIndex.put(shape, (char) shapeCount);
            shapes[at] = (char) shapeCount++;
        }

        /** No event will be added: the shapes' index goes, and their columns shrink to their count. */
        void filled() {
            shapeIndex = null;
            kinds = Arrays.copyOf(kinds, shapeCount);
            texts = Arrays.copyOf(texts, shapeCount);
            attributes = Arrays.copyOf(attributes, shapeCount);
        }

        /** The first chunk starts small (most artifacts have a handful of events) and doubles. */
        Chunk grown(int capacity) {
            return new Chunk(this, capacity);
        }
    }

    /**
     * What events share word for word: their kind, the text they quote and their attributes.
     * A class rather than a record: a record's equals and hashCode are linked through method
     * handles the first time they run, which cost several milliseconds of every analysis.
     */
    private static final class Shape {
        private final String kind;
        private final String text;
        private final Object attributes;

        Shape(String kind, String text, Object attributes) {
            this.kind = kind;
            this.text = text;
            this.attributes = attributes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape other && Objects.equals(kind, other.kind) && Objects.equals(text, other.text)
                    && Objects.equals(attributes, other.attributes);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(kind) * 31 + Objects.hashCode(text)) * 31 + Objects.hashCode(attributes);
        }
    }
}
