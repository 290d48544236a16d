package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The ip-link format: grammar IpLink.g4, read by {@link IpLinkParser}. */
public final class IpLinkFormat extends Format {

    public IpLinkFormat() {
        super(describe("ip-link").grammar("IpLink").parser(c -> new IpLinkParser())
                .artifact("ip-link", "ip -s link: interface counters")
                .source("ip-link", "sos_commands/networking/ip_-s_-d_link")
                .source("ip-link", "sos_commands/networking/ip_-d_-s_link")
                .source("ip-link", "sos_commands/networking/ip_-s_link")
                .source("ip-link", "sos_commands/networking/ip_link")
                .sniff(2)
                .supplies("ip-link", IpLinkParser.names())
                .corpus("ip-s-link"));
    }
}
