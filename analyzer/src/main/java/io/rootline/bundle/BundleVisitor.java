package io.rootline.bundle;

import java.io.IOException;

/**
 * Receives the entries of a bundle: an archive's in the order they are stored, one at a
 * time; a folder's files on two threads at once (see {@link BundleReader}), so a visitor
 * must be safe to call concurrently for different entries.
 */
@FunctionalInterface
public interface BundleVisitor {
    void visit(BundleEntry entry) throws IOException;
}
