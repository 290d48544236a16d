package io.rootline.bundle;

import java.io.IOException;

/** Reading stopped because a {@link Limits} bound was reached; the message names the bound and its flag. */
public final class LimitReached extends IOException {

    public LimitReached(String message) {
        super(message);
    }
}
