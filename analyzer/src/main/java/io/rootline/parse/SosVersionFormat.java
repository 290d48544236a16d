package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The sos-version format: grammar SosVersion.g4, read by {@link SosVersionParser}. */
public final class SosVersionFormat extends Format {

    public SosVersionFormat() {
        super(describe("sos-version").grammar("SosVersion").parser(c -> new SosVersionParser())
                .artifact("sos-version", "version.txt: the sos release that wrote the report")
                .source("sos-version", "version.txt")
                .sniff(6)
                .supplies("sos-version", Name.fact("sos.version"), Name.fact("sos.major")));
    }
}
