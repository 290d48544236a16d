package io.rootline.bundle;

import java.io.EOFException;

/** Says what went wrong with a read in words, from the deepest cause of an exception. */
public final class Failures {

    private Failures() {
    }

    private static final String CUT_OFF = "the data ends early (the file was cut off)";

    /** Whether the bytes simply stopped: a transfer cut short, not damage. */
    public static boolean cutOff(Throwable e) {
        Throwable root = rootOf(e);
        return root instanceof EOFException || "Truncated source".equals(root.getMessage());
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** "the data ends early (the file was cut off)", "BZip2 CRC error", ... */
    public static String describe(Throwable e) {
        Throwable root = rootOf(e);
        if (cutOff(e)) {
            return CUT_OFF;
        }
        if (root instanceof org.tukaani.xz.MemoryLimitException) {
            return XzProgram.MEMORY_REFUSED; // in the same words as the xz program's refusal
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
