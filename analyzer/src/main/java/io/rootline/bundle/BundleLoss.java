package io.rootline.bundle;

/**
 * Something in the bundle that could not be read, and why: a damaged archive, a
 * link that leaves the bundle, a limit reached. Reports list every loss.
 *
 * @param path   the entry concerned, or "" for the archive as a whole
 * @param reason what happened, in words a support engineer can act on
 * @param kind   whether the bundle itself is damaged, was read only in part, or lost one entry
 */
public record BundleLoss(String path, String reason, Kind kind) {

    /** How much a loss takes away. */
    public enum Kind {
        /** One entry: a link out of the bundle, a name stored twice, an archive nested too deep. */
        ENTRY,
        /** The bundle is damaged: a truncated or corrupt archive, a file that cannot be read. Entries after it are lost. */
        DAMAGED,
        /** A limit stopped the reading (--max-bytes, --max-entries, ...): the rest is not read. */
        LIMIT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A loss of one entry. */
    public BundleLoss(String path, String reason) {
        this(path, reason, Kind.ENTRY);
    }

    public static BundleLoss damaged(String path, String reason) {
        return new BundleLoss(path, reason, Kind.DAMAGED);
    }

    public static BundleLoss limit(String path, String reason) {
        return new BundleLoss(path, reason, Kind.LIMIT);
    }
}
