package io.rootline.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the reading of a bundle has got, for a caller that shows progress: the bytes
 * of the bundle read so far (compressed bytes for an archive, file bytes for a folder) and
 * how many there are, when that is known. The reader's threads update it and any other
 * thread may look at it; nothing here prints, as the engine touches no terminal.
 */
public final class ReadProgress {

    private final AtomicLong done = new AtomicLong();
    private volatile long total = -1;

    /** Bytes read so far. */
    public long done() {
        return done.get();
    }

    /** Bytes to read in all, or -1 when unknown (an archive arriving as a stream). */
    public long total() {
        return total;
    }

    void expect(long bytes) {
        total = bytes;
    }

    /**
     * The stream of a file of {@code size} bytes, counting what is read (or skipped) from
     * it. Closing it counts the bytes left unread too: a file nobody needed (a member at an
     * unknown path, a format's first bytes only) is done with all the same.
     */
    InputStream counting(InputStream in, long size) {
        return new CountingStream(in) {
            private long read;

            @Override
            protected void counted(long bytes) {
                read += bytes;
                done.addAndGet(bytes);
            }

            @Override
            public void close() throws IOException {
                if (read < size) {
                    counted(size - read);
                }
                super.close();
            }
        };
    }
}
