package io.rootline.cli;

import io.rootline.bundle.ReadProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The line {@code rootline analyze} keeps on stderr while it reads a bundle, when stderr is
 * a terminal: nothing for the first second, so that small bundles never show it, then
 * redrawn in place four times a second, and wiped when the reading ends, so that a
 * finished run leaves only its report.
 */
final class ProgressLine implements AutoCloseable {

    private static final long QUIET_MILLIS = 1000;
    private static final long EVERY_MILLIS = 250;
    private static final double MIB = 1024 * 1024;

    private final PrintWriter err;
    private final long quietMillis;
    private final String name;
    private final ReadProgress progress;
    private final Thread painter;
    private final Thread wiper = new Thread(this::wipe, "rootline-progress-wipe");
    /** How many characters the line on the terminal holds now. */
    private int shown;
    /** Wiped for good: nothing is drawn after. */
    private boolean over;

    private ProgressLine(PrintWriter err, long quietMillis, String name, ReadProgress progress) {
        this.err = err;
        this.quietMillis = quietMillis;
        this.name = name;
        this.progress = progress;
        this.painter = new Thread(this::paint, "rootline-progress");
        painter.setDaemon(true);
    }

    /** Starts showing the progress of reading the bundle called {@code name}. */
    static ProgressLine start(PrintWriter err, String name, ReadProgress progress) {
        return start(err, QUIET_MILLIS, name, progress);
    }

    /** As {@link #start(PrintWriter, String, ReadProgress)}, quiet for the time given (tests). */
    static ProgressLine start(PrintWriter err, long quietMillis, String name, ReadProgress progress) {
        ProgressLine line = new ProgressLine(err, quietMillis, name, progress);
        line.painter.start();
        // interrupted (Ctrl-C), the run still leaves a clean terminal behind
        Runtime.getRuntime().addShutdownHook(line.wiper);
        return line;
    }

    /** What the line says: the share read when the size is known, else the amount. */
    static String text(String name, long done, long total) {
        if (total > 0) {
            long percent = Math.min(100, done * 100 / total);
            return String.format(Locale.ROOT, "rootline: reading %s: %d%% (%.0f of %.0f MiB)", name, percent, done / MIB,
                    total / MIB);
        }
        return String.format(Locale.ROOT, "rootline: reading %s: %.0f MiB", name, done / MIB);
    }

    private void paint() {
        try {
            Thread.sleep(quietMillis);
            while (true) {
                draw(text(name, progress.done(), progress.total()));
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (InterruptedException e) {
            // reading ended
        }
    }

    private synchronized void draw(String text) {
        if (over) {
            return;
        }
        // the new text over the old, blanks over what is left of a longer old one
        err.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
        err.flush();
        shown = text.length();
    }

    /** Stops and wipes the line. */
    @Override
    public void close() {
        painter.interrupt();
        try {
            painter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wipe();
        try {
            Runtime.getRuntime().removeShutdownHook(wiper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs, or has run
        }
    }

    private synchronized void wipe() {
        over = true;
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }
}
