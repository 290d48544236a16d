package io.rootline.parse;

import io.rootline.format.Name;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The counter names netstat -s, /proc/net/snmp and /proc/net/netstat supply, as
 * {@code netstat.<Section>.<MibName>}: the kernel's MIB names listed in {@code netstat-names.tsv},
 * so that a rule reading {@code netstat.TcpExt.ListenOverflow} (one letter short) is refused.
 * ICMP's message histogram ({@code netstat.IcmpMsg.InType3}) names any type.
 */
final class NetstatNames {

    private static final Set<String> NAMES = load();

    private NetstatNames() {
    }

    private static Set<String> load() {
        Set<String> names = new TreeSet<>();
        for (String[] row : TsvResource.rows(NetstatNames.class, "netstat-names.tsv")) {
            names.add("netstat." + row[0] + "." + row[1]);
        }
        return names;
    }

    /** Every declared name, {@code netstat.TcpExt.ListenOverflows} ... */
    static Set<String> all() {
        return NAMES;
    }

    /** The names of every section: what netstat -s prints. */
    static List<Name> names() {
        return List.of(Name.closed("netstat.", NAMES, "Section>.<MibName"),
                Name.open("netstat.IcmpMsg.", "(In|Out)Type[0-9]+", "InTypeN, OutTypeN"));
    }

    /**
     * The names of these sections only: /proc/net/snmp holds Ip, Icmp, IcmpMsg, Tcp, Udp and
     * UdpLite, /proc/net/netstat the Ext sections, so that a bundle with one of the two files
     * does not pass a rule whose counter is in the other.
     */
    static List<Name> names(String... sections) {
        Set<String> in = new TreeSet<>();
        for (String name : NAMES) {
            for (String section : sections) {
                if (name.startsWith("netstat." + section + ".")) {
                    in.add(name);
                }
            }
        }
        List<Name> names = new java.util.ArrayList<>();
        names.add(Name.closed("netstat.", in, String.join("|", sections) + ">.<MibName"));
        if (List.of(sections).contains("IcmpMsg")) {
            names.add(Name.open("netstat.IcmpMsg.", "(In|Out)Type[0-9]+", "InTypeN, OutTypeN"));
        }
        return names;
    }
}
