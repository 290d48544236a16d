package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The ip-addr format: grammar IpAddr.g4, read by {@link IpAddrParser}. */
public final class IpAddrFormat extends Format {

    public IpAddrFormat() {
        super(describe("ip-addr").grammar("IpAddr").parser(c -> new IpAddrParser())
                .artifact("ip-addr", "ip addr: interface addresses")
                .source("ip-addr", "sos_commands/networking/ip_-d_address")
                .source("ip-addr", "sos_commands/networking/ip_address")
                .source("ip-addr", "sos_commands/networking/ip_addr")
                .source("ip-addr", "sos_commands/networking/ip_-o_addr")
                .sniff(3)
                .supplies("ip-addr", Name.fact("ip-addr.interfaces"), Name.table("ip-addr.addresses", "iface", "family", "address")));
    }
}
