package io.rootline.bundle;

import java.io.InputStream;

/**
 * One member of a bundle as the reader meets it. The content stream is valid only
 * during the visitor call that receives the entry: tarballs are read as a single
 * stream and never extracted.
 *
 * @param path       bundle-relative path with the wrapper folders removed, '/'-separated: for a
 *                   file, the name the visitor chose to read it under ({@link BundleVisitor#nameFor})
 * @param type       file, link, folder...
 * @param size       declared size in bytes (-1 when unknown)
 * @param linkTarget target of a symbolic or hard link, as written (a hard link's with the
 *                   wrapper folders removed); null otherwise
 * @param content    the bytes of a regular file; null for other types
 * @param storedAt   where the bundle stores a file read under another name (through a link),
 *                   or inside which archive it was stored; null when it is stored at {@code path}
 */
public record BundleEntry(String path, EntryType type, long size, String linkTarget, InputStream content, String storedAt) {

    public BundleEntry(String path, EntryType type, long size, String linkTarget, InputStream content) {
        this(path, type, size, linkTarget, content, null);
    }
}
