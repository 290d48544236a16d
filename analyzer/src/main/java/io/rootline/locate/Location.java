package io.rootline.locate;


/**
 * What the locator decided about one bundle member.
 *
 * @param path       the member's bundle-relative path
 * @param artifact   the logical artifact it stands for
 * @param kind       the format to parse it as
 * @param preference index of the matching path among the artifact's paths (0 is best)
 * @param how        "path" when its place told, "content" when sniffing did
 * @param note       something to tell about it (null when nothing)
 */
public record Location(String path, LogicalArtifact artifact, io.rootline.format.Format kind, int preference, String how, String note) {
}
