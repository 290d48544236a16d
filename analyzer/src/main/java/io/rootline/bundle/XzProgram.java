package io.rootline.bundle;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Decodes xz with the xz program of XZ Utils. Its decoder is about 1.6 times as fast as
 * the Java one on this class of machine, and it runs in a process of its own, on the core
 * the parsing thread leaves free.
 *
 * <p>The compressed bytes reach it through its standard input, fed from the stream the
 * bundle arrives on (a file or an upload alike), so the expansion guard sees the same
 * counts as with the Java decoder. It runs single-threaded, like the floor the bench
 * measures, and with a memory limit: an xz header may ask for a 1.5 GiB dictionary. A
 * failure (a cut or corrupt stream, the memory limit) arrives where the bytes stop, after
 * every byte decoded before it, as with the Java decoder: "Unexpected end of input"
 * becomes an {@link EOFException}, other messages are passed on in xz's words, which are
 * also XZ for Java's ("Compressed data is corrupt").
 */
final class XzProgram {

    /** The largest dictionary xz -9 uses is 64 MiB; decoding needs a little more. */
    static final String MEMORY_LIMIT = "100MiB";

    /** Why a stream over the memory limit is not decoded, by either decoder. */
    static final String MEMORY_REFUSED = "decoding it would need more than the " + MEMORY_LIMIT
            + " of memory allowed (its header asks for a larger dictionary than xz -9 uses)";

    private static final int STDERR_KEPT = 4096;

    /** The xz program on the PATH, if it is XZ Utils' (busybox's takes other options); looked up once. */
    private static final Path FOUND = find();

    private XzProgram() {
    }

    static boolean installed() {
        return FOUND != null;
    }

    static InputStream decode(InputStream compressed) throws IOException {
        if (FOUND == null) {
            throw new IOException("the xz program (XZ Utils) is not installed");
        }
        ProcessBuilder builder = new ProcessBuilder(FOUND.toString(), "--decompress", "--stdout", "--threads=1",
                "--memlimit-decompress=" + MEMORY_LIMIT, "--no-warn", "--quiet");
        Map<String, String> environment = builder.environment();
        // options from the user's environment would change what is decoded and how
        environment.remove("XZ_OPT");
        environment.remove("XZ_DEFAULTS");
        return new Output(builder.start(), compressed);
    }

    /** The program's output; at its end, the program's failure if it failed. */
    private static final class Output extends FilterInputStream {
        private final Process process;
        private final Thread feeder;
        private final Thread stderrReader;
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private volatile IOException feedFailure;
        private boolean checked;

        Output(Process process, InputStream compressed) {
            super(process.getInputStream());
            this.process = process;
            feeder = new Thread(() -> feed(compressed, process.getOutputStream()), "rootline-xz-feed");
            feeder.setDaemon(true);
            feeder.start();
            stderrReader = new Thread(() -> keepStderr(process.getErrorStream()), "rootline-xz-stderr");
            stderrReader.setDaemon(true);
            stderrReader.start();
        }

        /**
         * Copies the compressed bytes to xz. When they cannot be read, xz is told the input
         * ended (and says so), but the reason reported is the read's. When xz stops taking
         * them, it has failed, and says why itself.
         */
        private void feed(InputStream compressed, OutputStream stdin) {
            byte[] buffer = new byte[1 << 16];
            try (stdin) {
                int n;
                while (true) {
                    try {
                        n = compressed.read(buffer);
                    } catch (IOException | RuntimeException e) {
                        feedFailure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                        return;
                    }
                    if (n < 0) {
                        return;
                    }
                    stdin.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // xz exited (it failed, or was stopped): its exit status and words say why
            }
        }

        private void keepStderr(InputStream err) {
            byte[] buffer = new byte[1024];
            try (err) {
                int n;
                while ((n = err.read(buffer)) >= 0) {
                    synchronized (stderr) {
                        stderr.write(buffer, 0, Math.max(0, Math.min(n, STDERR_KEPT - stderr.size())));
                    }
                }
            } catch (IOException e) {
                // the process was stopped: what it said so far is kept
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b >= 0 ? b : end();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            return n >= 0 || len == 0 ? n : end();
        }

        /** The end of the output: -1 when xz succeeded, else why it failed. */
        private int end() throws IOException {
            if (checked) {
                return -1;
            }
            checked = true;
            int exit;
            try {
                exit = process.waitFor();
                feeder.join();
                stderrReader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for xz");
            }
            if (feedFailure != null) {
                throw feedFailure;
            }
            if (exit != 0) {
                throw failure(said());
            }
            return -1;
        }

        private String said() {
            String text;
            synchronized (stderr) {
                text = stderr.toString(StandardCharsets.UTF_8);
            }
            // "xz: (stdin): Compressed data is corrupt" -> "Compressed data is corrupt"; the lines
            // after it can mislead ("1 MiB of memory is required" after a 257 MiB refusal)
            List<String> lines = text.strip().lines().toList();
            for (String line : lines) {
                int at = line.indexOf(STDIN);
                if (at >= 0) {
                    return line.substring(at + STDIN.length()).strip();
                }
            }
            return lines.isEmpty() ? "" : lines.get(0).replaceFirst("^xz: ", "").strip();
        }

        private static final String STDIN = "(stdin): ";

        private static IOException failure(String message) {
            if (message.startsWith("Unexpected end of input")) {
                return new EOFException(message);
            }
            if (message.startsWith("Memory usage limit reached")) {
                return new IOException(MEMORY_REFUSED);
            }
            return new IOException(message.isEmpty() ? "xz failed without saying why" : message);
        }

        /**
         * Stops xz and waits for the feeder: it reads the stream below (a tar entry, when
         * this archive is inside another), which nobody else may touch until it is done.
         * With xz gone, its next write fails.
         */
        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            try {
                super.close();
            } finally {
                Threads.joinUninterruptibly(feeder);
            }
        }
    }

    private static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate;
            try {
                candidate = Path.of(dir, "xz");
            } catch (RuntimeException e) {
                continue; // not a path on this system
            }
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return isXzUtils(candidate) ? candidate : null;
            }
        }
        return null;
    }

    private static boolean isXzUtils(Path program) {
        try {
            Process p = new ProcessBuilder(List.of(program.toString(), "--version")).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readNBytes(512), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.startsWith("xz (XZ Utils)");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
