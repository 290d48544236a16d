package io.rootline.bundle;

import java.util.List;

/**
 * What reading a bundle's container established, apart from the artifacts themselves.
 *
 * @param source  the path the user gave
 * @param format  the container format found by magic bytes ("directory" for folders)
 * @param wrapper the top folder stripped from every entry, without its slash ("" when none)
 * @param entries how many entries were met
 * @param losses  what could not be read
 */
public record BundleReadResult(String source, String format, String wrapper, long entries, List<BundleLoss> losses) {

    public BundleReadResult {
        losses = List.copyOf(losses);
    }
}
