package io.rootline.support;

/**
 * Incident bundles rebuilt from their description, as sos 4.x writes them: /proc/net behind
 * sos's links (proc/net -> self/net, proc/self -> a pid), command outputs under
 * sos_commands/, the host's clock in date, date --utc, proc/stat and proc/uptime. Each is a
 * cause the bundled pack had no rule for when it was met; the report must say which of the
 * evidence no rule examined, never read as health.
 */
public final class Incidents {

    /** Captured 2022-03-15 10:00:00 UTC; booted 14 days before (1646128800). */
    private static final long CAPTURED = 1_647_338_400L;
    private static final long FOURTEEN_DAYS = 14 * 86_400L;

    private Incidents() {
    }

    /** A host as sos captured it, up 14 days, with nothing wrong in what the pack reads. */
    public static BundleBuilder host(String name) {
        return host(name, FOURTEEN_DAYS);
    }

    /** A host up {@code uptimeSeconds} at the capture. */
    public static BundleBuilder host(String name, long uptimeSeconds) {
        long boot = CAPTURED - uptimeSeconds;
        return new BundleBuilder("sosreport-" + name + "-2022-03-15-abcdef")
                .file("version.txt", "sosreport: 4.3\n")
                .file("sos_reports/manifest.json", "{}\n")
                .file("sos_commands/host/hostname", name + "\n")
                .file("sos_commands/date/date", "Tue Mar 15 10:00:00 UTC 2022\n")
                .file("sos_commands/date/date_--utc", "Tue Mar 15 10:00:00 UTC 2022\n")
                .file("proc/stat", "cpu  10132153 290696 3084719 46828483 16683 0 25195 0 0 0\nbtime " + boot + "\n")
                .file("proc/uptime", uptimeSeconds + ".00 " + (uptimeSeconds * 3) + ".00\n")
                .file("proc/meminfo", "MemTotal:       16318540 kB\nMemFree:         8123456 kB\n")
                .file("sos_commands/kernel/uname_-a",
                        "Linux " + name + " 5.15.0-60-generic #66-Ubuntu SMP Fri Jan 20 14:29:49 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux\n")
                .file("sos_commands/kernel/dmesg", """
                        [    0.000000] Linux version 5.15.0-60-generic (buildd@lcy02-amd64-054) (gcc (Ubuntu 11.3.0-1ubuntu1~22.04) 11.3.0) #66-Ubuntu SMP
                        [    0.000000] Command line: BOOT_IMAGE=/vmlinuz-5.15.0-60-generic root=/dev/vda1 ro
                        [    2.114203] e1000e 0000:00:19.0 eth0: Intel(R) PRO/1000 Network Connection
                        [    5.201113] e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx
                        """)
                .file("sos_commands/kernel/sysctl_-a", """
                        net.core.netdev_max_backlog = 1000
                        net.core.rmem_default = 212992
                        net.core.rmem_max = 212992
                        net.core.somaxconn = 4096
                        net.ipv4.neigh.default.gc_thresh3 = 1024
                        net.ipv4.tcp_max_syn_backlog = 1024
                        net.netfilter.nf_conntrack_buckets = 65536
                        net.netfilter.nf_conntrack_count = 31211
                        net.netfilter.nf_conntrack_max = 262144
                        """)
                .file("sos_commands/networking/netstat_-s", netstat(120_000, 0, 0, 5_000_000, 0))
                .file("sos_commands/networking/ip_-s_-d_link", """
                        1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
                            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00 promiscuity 0 minmtu 0 maxmtu 0
                            RX: bytes  packets  errors  dropped overrun mcast
                            1200       12       0       0       0       0
                            TX: bytes  packets  errors  dropped carrier collsns
                            1200       12       0       0       0       0
                        2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000
                            link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 9216
                            RX: bytes  packets  errors  dropped overrun mcast
                            98765432100 91234567 0       0       0       1234
                            TX: bytes  packets  errors  dropped carrier collsns
                            12345678900 81234567 0       0       0       0
                        """)
                // sos's links: /proc/net is self/net, /proc/self the pid sos ran as
                .link("proc/net", "self/net")
                .link("proc/self", "2231")
                .file("proc/2231/net/nf_conntrack", "")
                .file("proc/2231/net/snmp", """
                        Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams InUnknownProtos InDiscards InDelivers OutRequests OutDiscards OutNoRoutes ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs FragFails FragCreates
                        Ip: 1 64 91234567 0 0 0 0 0 91234567 81234567 0 0 0 0 0 0 0 0 0
                        """);
    }

    /** netstat -s with the counters an incident turns on. */
    public static String netstat(long passiveOpens, long listenOverflows, long listenDrops, long udpReceived, long rcvbufErrors) {
        return "Ip:\n    Forwarding: 1\n    91234567 total packets received\n    0 forwarded\n"
                + "    91234567 incoming packets delivered\n    81234567 requests sent out\n"
                + "Tcp:\n    2345 active connection openings\n    " + passiveOpens + " passive connection openings\n"
                + "    12 failed connection attempts\n    88 connection resets received\n    31 connections established\n"
                + "    81234000 segments received\n    80234000 segments sent out\n    4567 segments retransmitted\n"
                + "Udp:\n    " + udpReceived + " packets received\n    35 packets to unknown port received\n"
                + "    " + rcvbufErrors + " packet receive errors\n    615702 packets sent\n"
                + "    " + rcvbufErrors + " receive buffer errors\n    0 send buffer errors\n"
                + "TcpExt:\n    88846 TCP sockets finished time wait in fast timer\n    9286 delayed acks sent\n"
                + (listenOverflows > 0 ? "    " + listenOverflows + " times the listen queue of a socket overflowed\n" : "")
                + (listenDrops > 0 ? "    " + listenDrops + " SYNs to LISTEN sockets dropped\n" : "");
    }

    /** Seed 002: NAT'd containers lose packets to conntrack insert races; the table is far from full. */
    public static BundleBuilder conntrackInsertFailed() {
        StringBuilder stats = new StringBuilder();
        long[] failed = {1210, 1302, 1197, 1288, 1175, 1260, 1211, 1223}; // 9,866 in all
        for (int cpu = 0; cpu < failed.length; cpu++) {
            stats.append(String.format("cpu=%-11d found=%d invalid=%d ignore=%d insert=0 insert_failed=%d drop=%d early_drop=0 error=%d search_restart=%d %n",
                    cpu, 3 + cpu, 516 + cpu * 17, 82_082_383L - cpu * 1_000_000, failed[cpu], failed[cpu], cpu, 20_749 + cpu * 101));
        }
        return host("node7")
                .file("sos_commands/conntrack/conntrack_-S", stats.toString())
                .file("sos_commands/conntrack/conntrack_-L_-o_extended", "")
                .file("sos_commands/firewall_tables/iptables_-t_nat_-nvL", """
                        Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
                         pkts bytes target     prot opt in     out     source               destination
                        8123K  512M DOCKER     all  --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL

                        Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
                         pkts bytes target     prot opt in     out     source               destination
                        9234K  601M MASQUERADE  all  --  *      !docker0  172.17.0.0/16        0.0.0.0/0
                        """)
                .file("sos_commands/networking/iptables-save", """
                        *nat
                        :PREROUTING ACCEPT [0:0]
                        :POSTROUTING ACCEPT [0:0]
                        -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
                        COMMIT
                        """);
    }

    /** Seed 003: a NIC that cannot keep up: 312,500 softnet backlog drops and 2.3 M frames the NIC missed. */
    public static BundleBuilder softnetAndNicMissed() {
        // second column (dropped) per CPU, hex: 4c4b4 = 312,500 across the four
        return host("edge3")
                .file("proc/2231/net/softnet_stat", """
                        0a2b3c4d 0001312d 00000a1f 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
                        09f1e2d3 0001312d 00000b02 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
                        0b0c0d0e 0001312d 000009c4 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
                        0a0a0a0a 0001312d 00000c35 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
                        """)
                .file("sos_commands/networking/ethtool_-S_eth0", """
                        NIC statistics:
                             rx_packets: 91234567
                             tx_packets: 81234567
                             rx_bytes: 98765432100
                             tx_bytes: 12345678900
                             rx_errors: 0
                             rx_dropped: 0
                             rx_missed_errors: 2300000
                             rx_no_buffer_count: 1811234
                             rx_fifo_errors: 0
                        """)
                .file("sos_commands/networking/ethtool_-g_eth0", """
                        Ring parameters for eth0:
                        Pre-set maximums:
                        RX:\t\t4096
                        RX Mini:\t0
                        RX Jumbo:\t0
                        TX:\t\t4096
                        Current hardware settings:
                        RX:\t\t256
                        RX Mini:\t0
                        RX Jumbo:\t0
                        TX:\t\t256
                        """);
    }

    /** Seed 002: a UDP service whose socket buffer overflows: 21.5 M receive-buffer errors. */
    public static BundleBuilder udpReceiveBufferErrors() {
        return host("stats1")
                .file("sos_commands/networking/netstat_-s", netstat(120_000, 0, 0, 912_345_678, 21_500_000))
                .file("sos_commands/networking/ss_-peaonmi", """
                        Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
                        udp   UNCONN 213760 0            0.0.0.0:8125      0.0.0.0:*    users:(("statsd",pid=1234,fd=7)) ino:23456 sk:1 <->
                        \t skmem:(r213760,rb212992,t0,tb212992,f0,w0,o0,bl0,d21500000)
                        """)
                .file("sos_commands/networking/ip_-s_-s_neigh_show", """
                        10.0.0.1 dev eth0 lladdr 52:54:00:aa:bb:cc used 12/12/8 probes 1 REACHABLE
                        """);
    }
}
