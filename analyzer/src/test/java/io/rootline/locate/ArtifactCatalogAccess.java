package io.rootline.locate;

import io.rootline.format.Formats;
import java.util.List;

/** The catalog's package-private derivations, for tests in other packages. */
public final class ArtifactCatalogAccess {

    private ArtifactCatalogAccess() {
    }

    public static List<LogicalArtifact> fromFormats(Formats formats) {
        return ArtifactCatalog.fromFormats(formats);
    }

    public static String mostSpecific(List<LogicalArtifact> artifacts, String path) {
        return ArtifactCatalog.mostSpecific(artifacts, path);
    }
}
