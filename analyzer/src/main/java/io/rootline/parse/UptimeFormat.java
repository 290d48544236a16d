package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The uptime format: grammar Uptime.g4, read by {@link UptimeParser}. */
public final class UptimeFormat extends Format {

    public UptimeFormat() {
        super(describe("uptime").grammar("Uptime").parser(c -> new UptimeParser())
                .artifact("uptime", "uptime")
                .source("uptime", "sos_commands/host/uptime")
                .layouts("sos-3")
                .source("uptime", "sos_commands/general/uptime")
                .sniff(10)
                .supplies("uptime", Name.fact("uptime.seconds"), Name.fact("uptime.clock"))
                .corpus("uptime"));
    }
}
