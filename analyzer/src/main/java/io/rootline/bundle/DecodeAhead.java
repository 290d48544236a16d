package io.rootline.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decodes a stream on a thread of its own, a few chunks ahead of the reader, so that
 * decompression and parsing use both cores. Unlike a plain read-ahead buffer, it hands
 * over every byte decoded before a failure and then the failure itself, at the point it
 * happened: damage must cost only what it touches.
 */
final class DecodeAhead extends InputStream {

    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS_AHEAD = 16;

    /** A chunk of bytes, the end, or a failure. */
    private record Piece(byte[] bytes, IOException failure) {
    }

    private static final Piece END = new Piece(null, null);

    private final BlockingQueue<Piece> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread decoder;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int pos;
    private IOException failure;
    private boolean ended;

    DecodeAhead(InputStream source) {
        decoder = new Thread(() -> decode(source), "rootline-decode");
        decoder.setDaemon(true);
        decoder.start();
    }

    private void decode(InputStream source) {
        Piece last = END;
        try (source) {
            byte[] buffer = new byte[CHUNK];
            int n;
            while (!closed && (n = source.read(buffer)) >= 0) {
                if (n > 0) {
                    queue.put(new Piece(Arrays.copyOf(buffer, n), null));
                }
            }
        } catch (IOException e) {
            last = new Piece(null, e);
        } catch (RuntimeException e) {
            last = new Piece(null, new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e));
        } catch (InterruptedException e) {
            return;
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            // closed while the reader was not reading: nobody waits for the end
        }
    }

    private boolean fill() throws IOException {
        while (pos == current.length) {
            if (failure != null) {
                throw failure;
            }
            if (ended) {
                return false;
            }
            Piece piece;
            try {
                piece = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while decoding");
            }
            if (piece.bytes() != null) {
                current = piece.bytes();
                pos = 0;
            } else if (piece.failure() != null) {
                failure = piece.failure();
            } else {
                ended = true;
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    /**
     * Stops the decoding thread and waits for it: it reads the stream below, which the
     * caller may go on reading (an upload holding more than the bundle) once this returns.
     */
    @Override
    public void close() {
        closed = true;
        decoder.interrupt();
        queue.clear();
        Threads.joinUninterruptibly(decoder);
    }
}
