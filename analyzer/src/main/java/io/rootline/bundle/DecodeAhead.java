package io.rootline.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
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

    /** A chunk of bytes ({@code length} of them), the end, or a failure. */
    private record Piece(byte[] bytes, int length, IOException failure) {
    }

    private static final Piece END = new Piece(null, 0, null);

    private final BlockingQueue<Piece> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    /**
     * Chunks the reader is done with, for the decoder to fill again: a bundle passes through
     * the same few buffers instead of a new one per 64 KiB, which, at a gigabyte, made the
     * collector grow the heap.
     */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS_AHEAD + 2);
    private final Thread decoder;
    private volatile boolean closed;
    private static final byte[] NONE = new byte[0];

    private byte[] current = NONE;
    private int length;
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
            int n;
            while (!closed) {
                byte[] buffer = free.poll();
                if (buffer == null) {
                    buffer = new byte[CHUNK];
                }
                if ((n = source.read(buffer)) < 0) {
                    break;
                }
                if (n > 0) {
                    queue.put(new Piece(buffer, n, null));
                }
            }
        } catch (IOException e) {
            last = new Piece(null, 0, e);
        } catch (RuntimeException e) {
            last = new Piece(null, 0, new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e));
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
        while (pos == length) {
            if (length > 0) {
                free.offer(current);
                current = NONE;
                length = 0;
                pos = 0;
            }
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
                length = piece.length();
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
        int n = Math.min(len, length - pos);
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
