package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The proc-net-snmp format: grammar ProcNetSnmp.g4, read by {@link ProcNetSnmpParser}. */
public final class ProcNetSnmpFormat extends Format {

    public ProcNetSnmpFormat() {
        super(describe("proc-net-snmp").grammar("ProcNetSnmp").parser(c -> new ProcNetSnmpParser())
                .artifact("proc-net-snmp", "/proc/net/snmp: IP, ICMP, TCP and UDP counters")
                .artifact("proc-net-netstat", "/proc/net/netstat: TcpExt and IpExt counters")
                .source("proc-net-snmp", "proc/net/snmp")
                .source("proc-net-netstat", "proc/net/netstat")
                .sniff(1)
                .supplies("proc-net-snmp", NetstatNames.names("Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite"))
                .supplies("proc-net-netstat", NetstatNames.names("TcpExt", "IpExt", "MPTcpExt"))
                .corpus("proc-net-snmp", "proc-net-netstat"));
    }
}
