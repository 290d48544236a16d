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

    /**
     * Whether the file at {@code path} had better be visited after all others, when the
     * visitor may know it needs little of it (a second copy of evidence it already has). A
     * folder's reader visits such files once every other file has been visited; an
     * archive's members come in the order it holds them.
     */
    default boolean visitLast(String path) {
        return false;
    }
}
