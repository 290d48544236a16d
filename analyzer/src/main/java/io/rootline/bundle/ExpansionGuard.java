package io.rootline.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes a decoder expands and stops a decompression bomb: too many bytes in
 * all, or too many per compressed byte. The compressed side is counted by a
 * {@link Counted} stream under the decoder.
 */
final class ExpansionGuard extends CountingStream {

    /** Counts the bytes read from the file itself. */
    static final class Counted extends CountingStream {
        /** Written by the thread that feeds the xz program, read by the one that decodes. */
        private volatile long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        protected void counted(long bytes) {
            count += bytes;
        }

        long count() {
            return count;
        }
    }

    private final Counted compressed;
    private final Limits limits;
    private final AtomicLong total;
    private long expanded;

    /**
     * @param total expanded bytes of the whole bundle, shared by every decoding level (and
     *              by the read-ahead thread that decodes the outermost one)
     */
    ExpansionGuard(InputStream decoded, Counted compressed, Limits limits, AtomicLong total) {
        super(decoded);
        this.compressed = compressed;
        this.limits = limits;
        this.total = total;
    }

    long expanded() {
        return expanded;
    }

    @Override
    protected void counted(long n) throws LimitReached {
        expanded += n;
        if (total.addAndGet(n) > limits.maxTotalBytes()) {
            throw new LimitReached("the archive expands beyond " + limits.maxTotalBytes() + " bytes (--max-bytes)");
        }
        if (expanded > Limits.RATIO_GRACE_BYTES && expanded > limits.maxRatio() * Math.max(1, compressed.count())) {
            throw new LimitReached("the archive expands more than " + limits.maxRatio() + " times its compressed size, "
                    + "as a decompression bomb does (" + expanded + " bytes from " + compressed.count() + "; --max-ratio)");
        }
    }
}
