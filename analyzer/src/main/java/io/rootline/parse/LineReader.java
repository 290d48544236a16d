package io.rootline.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an artifact's bytes as numbered text lines. Bytes that are not UTF-8 are
 * decoded as Latin-1 one line at a time, so a stray byte never loses a line. A line
 * longer than the limit is cut, and the cut is reported by the caller.
 *
 * <p>Line ends are found eight bytes at a time (a word-wide test for a '\n' byte), as this
 * loop sees every byte of a bundle.
 */
public final class LineReader {

    private static final long NEWLINES = FastLines.broadcast((byte) '\n');

    private final InputStream in;
    private final int maxLineBytes;
    private final long maxBytes;
    private long bytesRead;
    private boolean exhausted;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[256];
    private int length;
    private int lineNumber;
    private boolean lastCut;
    private boolean eof;

    public LineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, Long.MAX_VALUE);
    }

    /**
     * @param maxBytes bytes read at most; past them {@link #next()} returns null and
     *                 {@link #exhausted()} is true (a 10 GB line stops here, not at its end)
     */
    public LineReader(InputStream in, int maxLineBytes, long maxBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.maxBytes = maxBytes;
    }

    /** Whether reading stopped because {@code maxBytes} were read. */
    public boolean exhausted() {
        return exhausted;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** The next line without its terminator ("\n" or "\r\n"), or null at the end. */
    public String next() throws IOException {
        return nextRaw() < 0 ? null : decode(line, length);
    }

    /**
     * Reads the next line into {@link #bytes()} (its first {@link #length()} bytes, the
     * terminator removed) without decoding it; -1 at the end. Fast paths look at these bytes.
     */
    public int nextRaw() throws IOException {
        if (eof) {
            return -1;
        }
        length = 0;
        boolean sawAny = false;
        lastCut = false;
        while (true) {
            if (pos == end) {
                if (bytesRead >= maxBytes) {
                    // the budget ends here: a line begun is returned (cut), then nothing more
                    exhausted = true;
                    eof = true;
                    if (!sawAny) {
                        return -1;
                    }
                    lastCut = true;
                    break;
                }
                end = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - bytesRead));
                pos = 0;
                if (end > 0) {
                    bytesRead += end;
                }
                if (end <= 0) {
                    end = 0;
                    eof = true;
                    if (!sawAny) {
                        return -1;
                    }
                    break;
                }
            }
            sawAny = true;
            int newline = lineEnd(pos);
            append(pos, newline - pos);
            boolean found = newline < end;
            pos = found ? newline + 1 : newline;
            if (found) {
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        lineNumber++;
        return length;
    }

    /** The index of the first '\n' in the buffer from {@code from}, or {@code end}. */
    private int lineEnd(int from) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long found = FastLines.zeroBytes(FastLines.eightBytes(buffer, i) ^ NEWLINES);
            if (found != 0) {
                return i + FastLines.firstFlagged(found);
            }
        }
        while (i < end && buffer[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Copies part of the buffer onto the line, keeping at most maxLineBytes. */
    private void append(int from, int count) {
        int room = maxLineBytes - length;
        int take = Math.min(count, room);
        if (take < count) {
            lastCut = true;
        }
        if (take > 0) {
            if (length + take > line.length) {
                line = java.util.Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + take)));
            }
            System.arraycopy(buffer, from, line, length, take);
            length += take;
        }
    }

    /** The bytes of the line last read by {@link #nextRaw()}; valid until the next read. */
    public byte[] bytes() {
        return line;
    }

    /** How many of {@link #bytes()} the line last read holds. */
    public int length() {
        return length;
    }

    /** 1-based number of the line last returned. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Whether the line last returned was longer than the limit and was cut. */
    public boolean lastLineCut() {
        return lastCut;
    }

    static String decode(byte[] bytes, int length) {
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }
}
