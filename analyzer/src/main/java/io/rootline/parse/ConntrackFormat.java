package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The conntrack format: grammar Conntrack.g4, read by {@link ConntrackParser}. */
public final class ConntrackFormat extends Format {

    public ConntrackFormat() {
        super(describe("conntrack").grammar("Conntrack").parser(c -> new ConntrackParser())
                .artifact("conntrack-table", "connection-tracking table dump")
                .source("conntrack-table", "proc/net/nf_conntrack")
                .layouts("sos-4")
                .source("conntrack-table", "sos_commands/conntrack/conntrack_-L_-o_extended")
                .source("conntrack-table", "sos_commands/conntrack/conntrack_-L")
                .layouts("sos-3, sos-4")
                .source("conntrack-table", "proc/net/ip_conntrack")
                .sniff(4)
                .supplies("conntrack-table", Name.fact("conntrack.entries"), Name.fact("conntrack.tool_reported"),
                        Name.closed("conntrack.state.", ConntrackParser.STATES, "STATE"),
                        Name.open("conntrack.protocol.", "[a-z0-9]+", "protocol"),
                        Name.closed("conntrack.flag.", ConntrackParser.FLAGS, "FLAG"),
                        Name.table("conntrack.top_dports", "protocol", "port", "count", "share", "state"),
                        Name.table("conntrack.states", "state", "count", "share"))
                .corpus("nf_conntrack", "conntrack-L"));
    }
}
