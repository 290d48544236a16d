package io.rootline.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.report.Report;
import io.rootline.rules.Finding;
import io.rootline.support.BundleBuilder;
import io.rootline.support.BundleBuilder.Container;
import io.rootline.support.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw dmesg times from both bounds on the boot: btime (whole seconds) and date minus
 * /proc/uptime (the fraction). The host booted at 1643764677.63 (09:17:57.63 +08:00); a drop
 * 1000.47 s later happened at 09:34:38.10. btime alone places it at 09:34:37.47, a second early.
 */
class BootTimeTest {

    @TempDir
    Path dir;

    private Report analyze(String procUptime) throws IOException {
        Path bundle = new BundleBuilder("sosreport-host1")
                .file("sos_commands/date/date", "Wed Feb  2 10:30:00 CST 2022\n")
                .file("sos_commands/date/date_--utc", "Wed Feb  2 02:30:00 UTC 2022\n")
                .file("proc/stat", "cpu  1 2 3 4\nbtime 1643764677\n")
                .file("proc/uptime", procUptime)
                .file("sos_commands/kernel/dmesg", """
                        [    0.000000] Linux version 5.4.0-97-generic (buildd@lcy02-amd64-032)
                        [ 1000.470000] nf_conntrack: table full, dropping packet
                        """)
                .file("sos_commands/kernel/sysctl_-a", "net.netfilter.nf_conntrack_max = 262144\n")
                .write(dir, "b" + procUptime.hashCode(), Container.FOLDER);
        return Fixtures.analyze(bundle);
    }

    private static Finding conntrack(Report r) {
        return r.findings().stream().filter(f -> f.rule().equals("conntrack-table-full")).findFirst().orElseThrow();
    }

    @Test
    void theEarliestTimeBothBoundsAllowPlacesTheDropInItsSecond() throws IOException {
        // 10:30:00 minus 4322.37 s: the boot is after 09:17:57.62, and btime says within 09:17:57
        Report r = analyze("4322.37 17000.00\n");
        assertEquals("2022-02-02T09:34:38+08:00", r.iso(conntrack(r).firstSeen()));
        assertTrue(r.clock().bootSource().startsWith("proc/stat btime (whole seconds), to the fraction by sos_commands/date/date minus proc/uptime"),
                r.clock().bootSource());
        assertTrue(r.clock().kernelTimes().contains("to the fraction"), r.clock().kernelTimes());
    }

    @Test
    void boundsThatDisagreeLeaveBtimeAndSaySo() throws IOException {
        // taken 5 s apart: date minus uptime falls outside btime's second
        Report r = analyze("4317.37 17000.00\n");
        assertEquals("2022-02-02T09:34:37+08:00", r.iso(conntrack(r).firstSeen()));
        assertTrue(r.clock().bootSource().contains("cannot give the fraction"), r.clock().bootSource());
    }

    @Test
    void btimeAloneIsUsedAsItIs() throws IOException {
        Path bundle = new BundleBuilder("sosreport-host1")
                .file("sos_commands/date/date", "Wed Feb  2 10:30:00 CST 2022\n")
                .file("sos_commands/date/date_--utc", "Wed Feb  2 02:30:00 UTC 2022\n")
                .file("proc/stat", "cpu  1 2 3 4\nbtime 1643764677\n")
                .file("sos_commands/kernel/dmesg", "[    0.000000] Linux version 5.4.0\n[ 1000.470000] nf_conntrack: table full, dropping packet\n")
                .write(dir, "btime-only", Container.FOLDER);
        Report r = Fixtures.analyze(bundle);
        assertEquals("2022-02-02T09:34:37+08:00", r.iso(conntrack(r).firstSeen()));
        assertEquals("proc/stat btime", r.clock().bootSource());
    }
}
