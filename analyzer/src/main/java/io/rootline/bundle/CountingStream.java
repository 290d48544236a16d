package io.rootline.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that tells a subclass how many bytes each read (or skip) took: the one place
 * where the reader's counters (compressed bytes, expanded bytes, progress) meet the
 * stream's three ways of moving on.
 */
abstract class CountingStream extends FilterInputStream {

    CountingStream(InputStream in) {
        super(in);
    }

    /** Called with the bytes just read or skipped, at least one. */
    protected abstract void counted(long bytes) throws IOException;

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }
}
