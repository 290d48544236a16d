package io.rootline.bundle;

/**
 * Something in the bundle that could not be read, and why: a damaged archive, a
 * link that leaves the bundle, a limit reached. Reports list every loss.
 *
 * @param path   the entry concerned, or "" for the archive as a whole
 * @param reason what happened, in words a support engineer can act on
 */
public record BundleLoss(String path, String reason) {
}
