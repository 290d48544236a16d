package io.rootline.bundle;

import java.io.EOFException;

/** Says what went wrong with a read in words, from the deepest cause of an exception. */
public final class Failures {

    private Failures() {
    }

    /** "the data ends early (the file was cut off)", "BZip2 CRC error", ... */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof EOFException || "Truncated source".equals(root.getMessage())) {
            return "the data ends early (the file was cut off)";
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
