package io.rootline.parse;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The artifact formats rootline reads, each with the parser (and through it the
 * grammar) that reads it. Adding a format means one grammar, one parser and one
 * constant here, plus the paths to find it in {@link io.rootline.locate.ArtifactCatalog}.
 */
public enum ArtifactKind {
    NETSTAT_S(NetstatStatsParser::new),
    KERNEL_LOG(KernelLogParser::new),
    SYSLOG(SyslogParser::new),
    CONNTRACK(ConntrackParser::new),
    SYSCTL(SysctlParser::new),
    IP_LINK(IpLinkParser::new),
    APP_LOG(AppLogParser::new),
    DATE(DateParser::new),
    TIMEDATECTL(TimedatectlParser::new),
    TIMEZONE(TimezoneParser::new),
    UPTIME(UptimeParser::new),
    PROC_UPTIME(ProcUptimeParser::new),
    PROC_STAT(ProcStatParser::new),
    MEMINFO(MeminfoParser::new),
    FREE(FreeParser::new),
    HOSTNAME(HostnameParser::new),
    UNAME(UnameParser::new),
    SOS_VERSION(SosVersionParser::new),
    IP_ADDR(IpAddrParser::new),
    PROC_NET_SNMP(ProcNetSnmpParser::new);

    private final Supplier<ArtifactParser> parser;

    ArtifactKind(Supplier<ArtifactParser> parser) {
        this.parser = parser;
    }

    /** A fresh parser for one artifact of this kind. */
    public ArtifactParser newParser() {
        return parser.get();
    }

    /** The name used in reports: "netstat-s", "kernel-log". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
