package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The hostname format: grammar Hostname.g4, read by {@link HostnameParser}. */
public final class HostnameFormat extends Format {

    public HostnameFormat() {
        super(describe("hostname").grammar("Hostname").parser(c -> new HostnameParser())
                .artifact("hostname", "hostname")
                .source("hostname", "sos_commands/host/hostname")
                .layouts("sos-3")
                .source("hostname", "sos_commands/general/hostname")
                .layouts("sos-3, sos-4")
                .source("hostname", "etc/hostname")
                .supplies("hostname", Name.fact("hostname")));
    }
}
