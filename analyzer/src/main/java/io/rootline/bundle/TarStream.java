package io.rootline.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tar stream entry by entry: POSIX ustar, GNU tar's long names and long link names,
 * and PAX extended headers (path, linkpath, size), as GNU tar, Python's tarfile (which sos
 * uses) and commons-compress write them. Only what a bundle's reader needs is read of each
 * header: name, type, size and link target; each header's checksum is verified, so that
 * damage stops the reading at the entry it strikes.
 *
 * <p>A sosreport holds 10,000 to 80,000 entries, most of them read by nobody: moving past an
 * entry costs a read into one reused buffer, and a header a few field reads. (commons-compress
 * parses every field of every header and allocates a buffer to skip each entry: on a real tree
 * that was more than half of reading it.) {@code TarStreamTest} holds the two to the same
 * entries and bytes on real and generated archives.
 */
final class TarStream {

    private static final int BLOCK = 512;
    /** Longest GNU long name or PAX header read; longer ones are damage (or a bomb). */
    private static final int MAX_HEADER_DATA = 1 << 20;

    /**
     * One entry: its name as stored, its type flag, its size and, for links, its target as
     * stored; {@code clean} when the name is already normal (no empty, "." or ".." part, no
     * backslash, no leading slash), as nearly every stored name is.
     */
    record Entry(String name, char type, long size, String linkName, boolean clean) {
        boolean isDirectory() {
            return type == '5' || type == 'D' || (type == '0' || type == '\0') && name.endsWith("/");
        }

        boolean isSymbolicLink() {
            return type == '2';
        }

        boolean isHardLink() {
            return type == '1';
        }

        /** A regular file, whose bytes can be read. */
        boolean isFile() {
            return (type == '0' || type == '\0' || type == '7') && !name.endsWith("/");
        }
    }

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    /** Bytes read from the stream and not used yet: {@code buffer[pos, limit)}. Moving past an entry moves {@code pos}. */
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean inEnded;
    /** Bytes of the current entry not read yet, and the padding after them. */
    private long remaining;
    private int padding;
    private boolean ended;
    private final InputStream content = new Content();

    TarStream(InputStream in) {
        this.in = in;
    }

    /** The next entry, or null at the end of the archive; moves past what is left of the current one. */
    Entry next() throws IOException {
        if (ended) {
            return null;
        }
        skipRest();
        String longName = null;
        String longLink = null;
        String paxPath = null;
        String paxLink = null;
        long paxSize = -1;
        boolean paxSparse = false;
        while (true) {
            if (!readHeader()) {
                ended = true;
                return null;
            }
            char type = (char) (header[156] & 0xFF);
            long size = size();
            if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
                byte[] data = headerData(size);
                if (type == 'L') {
                    longName = name(data, 0, data.length);
                } else if (type == 'K') {
                    longLink = name(data, 0, data.length);
                } else if (type == 'x') {
                    for (String[] record : paxRecords(data)) {
                        switch (record[0]) {
                            case "path" -> paxPath = record[1];
                            case "linkpath" -> paxLink = record[1];
                            case "size" -> paxSize = paxNumber(record[1]);
                            case "GNU.sparse.map", "GNU.sparse.size", "GNU.sparse.realsize", "GNU.sparse.major" -> paxSparse = true;
                            default -> {
                                // other records (times, owners) are not read
                            }
                        }
                    }
                }
                continue;
            }
            String name = paxPath != null ? paxPath : longName != null ? longName : headerName();
            boolean clean = paxPath == null && longName == null && lastNameClean;
            String link = paxLink != null ? paxLink : longLink != null ? longLink : name(header, 157, 100);
            long entrySize = paxSize >= 0 ? paxSize : size;
            // a sparse file stores less than its size and a map of holes: it is moved past, not read
            boolean holds = type != '1' && type != '2' && type != '3' && type != '4' && type != '5' && type != '6';
            remaining = holds ? (type == 'S' ? size : entrySize) : 0;
            padding = (int) ((BLOCK - remaining % BLOCK) % BLOCK);
            return new Entry(name, type == 'S' || paxSparse ? 'S' : type, entrySize, link, clean);
        }
    }

    /** The current entry's bytes; reading past them gives the end of the stream. Closing it does nothing. */
    InputStream content() {
        return content;
    }

    private final class Content extends InputStream {
        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            if (pos == limit && !refill()) {
                throw new EOFException("the archive is cut off inside an entry");
            }
            remaining--;
            return buffer[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (pos == limit && !refill()) {
                throw new EOFException("the archive is cut off inside an entry");
            }
            int n = (int) Math.min(Math.min(len, remaining), limit - pos);
            System.arraycopy(buffer, pos, b, off, n);
            pos += n;
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && remaining > 0) {
                if (pos == limit && !refill()) {
                    throw new EOFException("the archive is cut off inside an entry");
                }
                int step = (int) Math.min(Math.min(n - skipped, remaining), limit - pos);
                pos += step;
                remaining -= step;
                skipped += step;
            }
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(remaining, limit - pos);
        }
    }

    /** Reads more of the stream into an empty buffer; false at its end. */
    private boolean refill() throws IOException {
        if (inEnded) {
            return false;
        }
        pos = 0;
        limit = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            inEnded = true;
            return false;
        }
        limit = n;
        return true;
    }

    private void skipRest() throws IOException {
        if (remaining > 0) {
            content.skip(remaining);
        }
        if (padding > 0) {
            skipBytes(padding);
            padding = 0;
        }
    }

    /** Moves past {@code n} bytes between entries (padding), which must be there. */
    private void skipBytes(int n) throws IOException {
        while (n > 0) {
            if (pos == limit && !refill()) {
                throw new EOFException("the archive is cut off inside an entry's padding");
            }
            int step = Math.min(n, limit - pos);
            pos += step;
            n -= step;
        }
    }

    /** Reads the next header block; false at the end of the archive (a zero block, or the stream's end at a block's start). */
    private boolean readHeader() throws IOException {
        if (!readFully(header, BLOCK, false)) {
            return false;
        }
        if (allZero(header)) {
            return false;
        }
        verifyChecksum();
        return true;
    }

    /** Fills {@code b} with {@code n} bytes; false when the stream ends before the first (only if {@code required} is false). */
    private boolean readFully(byte[] b, int n, boolean required) throws IOException {
        int done = 0;
        while (done < n) {
            if (pos == limit && !refill()) {
                if (done == 0 && !required) {
                    return false;
                }
                throw new EOFException("the archive is cut off inside a header");
            }
            int step = Math.min(n - done, limit - pos);
            System.arraycopy(buffer, pos, b, done, step);
            pos += step;
            done += step;
        }
        return true;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The header's checksum, as POSIX sums it (unsigned bytes; some old tools summed signed
     * ones). Most of a header is NUL, which adds nothing: the text fields are summed up to
     * their NUL first, and the whole block only when that sum differs from the one stored
     * (bytes after a field's NUL count in the checksum, but not in what is read of the field).
     */
    private void verifyChecksum() throws IOException {
        long stored = octal(header, 148, 8);
        byte[] h = header;
        long used = text(h, 0, 100) + sum(h, 100, 148) + 8 * ' ' + sum(h, 156, 157) + text(h, 157, 257) + sum(h, 257, 265)
                + text(h, 265, 297) + text(h, 297, 329) + sum(h, 329, 345) + text(h, 345, 500) + sum(h, 500, 512);
        if (stored == used) {
            return;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : h[i];
            unsigned += b & 0xFF;
            signed += b;
        }
        if (stored != unsigned && stored != signed) {
            throw new IOException("a tar header's checksum does not match its bytes");
        }
    }

    private static long sum(byte[] h, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += h[i] & 0xFF;
        }
        return s;
    }

    /** A text field's sum up to its first NUL. */
    private static long text(byte[] h, int from, int to) {
        long s = 0;
        for (int i = from; i < to && h[i] != 0; i++) {
            s += h[i] & 0xFF;
        }
        return s;
    }

    private long size() throws IOException {
        if ((header[124] & 0x80) != 0) {
            // base-256, for sizes of 8 GiB and more: big-endian two's complement after the marker bit
            long value = header[124] & 0x7F;
            for (int i = 125; i < 136; i++) {
                if (value > (Long.MAX_VALUE >>> 8)) {
                    throw new IOException("a tar header gives a size beyond any archive's");
                }
                value = (value << 8) | (header[i] & 0xFF);
            }
            return value;
        }
        return octal(header, 124, 12);
    }

    /** An octal field: leading blanks, digits, then NUL or blank. */
    private static long octal(byte[] b, int offset, int length) throws IOException {
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (b[i] == ' ' || b[i] == 0 && i == offset)) {
            if (b[i] == 0) {
                return 0;
            }
            i++;
        }
        for (; i < end && b[i] != 0 && b[i] != ' '; i++) {
            if (b[i] < '0' || b[i] > '7') {
                throw new IOException("a tar header holds '" + (char) (b[i] & 0xFF) + "' in a number");
            }
            value = value * 8 + (b[i] - '0');
        }
        return value;
    }

    /** The name of a ustar header: POSIX's prefix (only in POSIX's magic; GNU's stores times there), a slash, the name. */
    private String headerName() {
        boolean posix = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        if (posix && header[345] != 0) {
            String prefix = name(header, 345, 155);
            boolean prefixClean = lastNameClean && !prefix.endsWith("/");
            String name = name(header, 0, 100);
            lastNameClean &= prefixClean;
            return prefix + "/" + name;
        }
        return name(header, 0, 100);
    }

    /** Whether the name {@link #name} last read from a header is clean ({@link Entry#clean}), judged byte by byte as it was read. */
    private boolean lastNameClean;

    private byte[] headerData(long size) throws IOException {
        if (size > MAX_HEADER_DATA) {
            throw new IOException("a tar header's extension is " + size + " bytes long, beyond what any name needs");
        }
        byte[] data = new byte[(int) size];
        readFully(data, data.length, true);
        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
        if (pad > 0) {
            skipBytes(pad);
        }
        return data;
    }

    /** PAX records: "LENGTH key=value\n", each LENGTH bytes long in all. */
    private static java.util.List<String[]> paxRecords(byte[] data) throws IOException {
        java.util.List<String[]> records = new java.util.ArrayList<>();
        int at = 0;
        while (at < data.length && data[at] != 0) {
            int space = at;
            int length = 0;
            while (space < data.length && data[space] >= '0' && data[space] <= '9') {
                length = length * 10 + (data[space] - '0');
                if (length > data.length) {
                    throw new IOException("a PAX record is longer than its header");
                }
                space++;
            }
            if (space == at || space >= data.length || data[space] != ' ' || length <= space - at || at + length > data.length) {
                throw new IOException("a PAX header is malformed");
            }
            int end = at + length - 1; // the record's '\n'
            int equals = space + 1;
            while (equals < end && data[equals] != '=') {
                equals++;
            }
            if (equals >= end) {
                throw new IOException("a PAX record has no '='");
            }
            records.add(new String[] {new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8),
                    new String(data, equals + 1, end - equals - 1, StandardCharsets.UTF_8)});
            at += length;
        }
        return records;
    }

    private static long paxNumber(String text) throws IOException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IOException("a PAX size is not a number: " + text);
        }
    }

    /**
     * A NUL-terminated name: UTF-8 when it is that, else Latin-1 (old tools wrote names in the
     * system's charset). Notes whether it is clean ({@link #lastNameClean}), in the same pass.
     */
    private String name(byte[] b, int offset, int length) {
        int end = offset;
        int limit = offset + length;
        boolean ascii = true;
        boolean clean = true;
        int part = offset;
        for (; end < limit && b[end] != 0; end++) {
            byte c = b[end];
            if (c == '/') {
                // an empty part (a leading slash, "//"), ".", ".."
                clean &= end > part && !(b[part] == '.' && (end - part == 1 || end - part == 2 && b[part + 1] == '.'));
                part = end + 1;
            } else if (c == '\\' || c < 0) {
                ascii &= c >= 0;
                clean &= c != '\\';
            }
        }
        // the last part: a trailing slash is a folder's, and harmless
        clean &= end == part || !(b[part] == '.' && (end - part == 1 || end - part == 2 && b[part + 1] == '.'));
        lastNameClean = clean && end > offset;
        if (ascii) {
            return new String(b, offset, end - offset, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, offset, end - offset)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, offset, end - offset, StandardCharsets.ISO_8859_1);
        }
    }
}
