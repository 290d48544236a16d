package io.rootline.bundle;

import java.io.FilterInputStream;
import java.io.InputStream;

/** Lets a parser close what it was given without closing the archive stream beneath. */
final class NonClosingInputStream extends FilterInputStream {

    NonClosingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
        // the archive stream stays open for the next entry
    }
}
