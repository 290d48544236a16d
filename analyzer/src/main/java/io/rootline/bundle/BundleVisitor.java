package io.rootline.bundle;

import java.io.IOException;

/** Receives the entries of a bundle in the order they are stored. */
@FunctionalInterface
public interface BundleVisitor {
    void visit(BundleEntry entry) throws IOException;
}
