package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The netstat-s format: grammar NetstatStats.g4, read by {@link NetstatStatsParser}. */
public final class NetstatStatsFormat extends Format {

    public NetstatStatsFormat() {
        super(describe("netstat-s").grammar("NetstatStats").parser(c -> new NetstatStatsParser())
                .artifact("netstat-s", "netstat -s: protocol counters")
                .source("netstat-s", "sos_commands/networking/netstat_-s")
                .sniff(0)
                .supplies("netstat-s", NetstatNames.names())
                .corpus("netstat-s"));
    }
}
