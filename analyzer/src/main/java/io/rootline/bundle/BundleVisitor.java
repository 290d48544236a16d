package io.rootline.bundle;

import java.io.IOException;
import java.util.List;

/**
 * Receives the entries of a bundle: an archive's in the order they are stored, one at a
 * time; a folder's files on two threads at once (see {@link BundleReader}), so a visitor
 * must be safe to call concurrently for different entries.
 *
 * <p>The reader asks before it opens a file ({@link #nameFor}), so that the thousands of
 * files a sosreport holds that nothing reads ({@code sys/fs/cgroup/**}, {@code proc/<pid>/**})
 * cost a name each, not a read.
 */
public interface BundleVisitor {

    /** A file read, a link, a folder, a device. */
    void visit(BundleEntry entry) throws IOException;

    /**
     * The name to read a regular file under, or null to leave it unread. {@code stored} is
     * where the bundle keeps it ({@code size} bytes, -1 when unknown); {@code aliases} the paths that lead to it through links, as
     * far as they are known: all of them in a folder, and in an archive those whose links came
     * before the file ({@code complete} tells which). The visitor reads the file under the name
     * an engineer would type ({@code proc/net/snmp}, not {@code proc/96008/net/snmp}). In an
     * archive it may take a file on trust under an alias whose link has not come yet, and keep
     * it only if {@link #linksComplete} shows the link.
     */
    default String nameFor(String stored, long size, List<String> aliases, boolean complete) {
        return stored;
    }

    /**
     * Whether anything at or under {@code path} could be read: an archive inside the bundle
     * that would extract there is decoded only then.
     */
    default boolean wantsAtOrUnder(String path) {
        return true;
    }

    /** A file the reader left unread for a reason of its own (an archive of nothing wanted, a second copy). */
    default void notRead(String path, long size, String why) {
    }

    /**
     * Called once, after the last entry, with every link the bundle holds, every path it stores
     * (files and links) and every folder.
     */
    default void linksComplete(BundleLinks links, java.util.Set<String> stored, java.util.Set<String> folders) {
    }

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
