package io.rootline.bundle;

import java.io.InputStream;

/**
 * One member of a bundle as the reader meets it. The content stream is valid only
 * during the visitor call that receives the entry: tarballs are read as a single
 * stream and never extracted.
 *
 * @param path       bundle-relative path with the sosreport top folder removed, '/'-separated
 * @param type       file, link, folder...
 * @param size       declared size in bytes (-1 when unknown)
 * @param linkTarget target of a symbolic or hard link, as written; null otherwise
 * @param content    the bytes of a regular file; null for other types
 */
public record BundleEntry(String path, EntryType type, long size, String linkTarget, InputStream content) {
}
