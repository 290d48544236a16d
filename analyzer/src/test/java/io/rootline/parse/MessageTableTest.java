package io.rootline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.model.Event;
import io.rootline.model.Stamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kernel message table: its rows load and match their examples; a bad row is refused at its place. */
class MessageTableTest {

    private static final KernelMessageTable TABLE = KernelMessageTable.bundled();

    private static Event event(String message) {
        return TABLE.event(message, Stamp.NONE, 1, null);
    }

    @Test
    void theBundledTableHasTheKindsItPromises() {
        Set<String> kinds = TABLE.kinds();
        assertTrue(kinds.size() >= 20, kinds.toString());
        for (String kind : List.of("kernel.conntrack-table-full", "kernel.ratelimit-suppressed", "kernel.neighbour-table-overflow",
                "kernel.syn-flooding", "kernel.netdev-watchdog", "kernel.link-down", "kernel.link-up",
                "kernel.page-allocation-failure", "kernel.dst-cache-overflow", "kernel.tcp-out-of-memory",
                "kernel.tw-bucket-overflow", "kernel.conntrack-expectation-full", "kernel.bond-link-change", "kernel.over-mtu-drop")) {
            assertTrue(kinds.contains(kind), kind);
        }
    }

    @Test
    void eachExampleBecomesItsRowsEvent() {
        for (KernelMessageTable.Row row : TABLE.rows()) {
            for (String example : row.examples()) {
                Event e = event(example);
                assertNotNull(e, row.at() + ": " + example);
                assertEquals(row.kind(), e.kind(), row.at() + ": " + example);
            }
        }
    }

    @Test
    void attributesAndCountsComeFromTheNamedGroups() {
        Event watchdog = event("NETDEV WATCHDOG: eth0 (ixgbe): transmit queue 3 timed out");
        assertEquals(Map.of("iface", "eth0", "driver", "ixgbe", "queue", "3"), watchdog.attributes());
        Event newer = event("r8125 0000:22:04.0 eth4: NETDEV WATCHDOG: CPU: 3: transmit queue 0 timed out 5010 ms");
        assertEquals(Map.of("iface", "eth4", "driver", "r8125", "queue", "0"), newer.attributes());
        Event limited = TABLE.event("net_ratelimit: 2699 callbacks suppressed", Stamp.NONE, 2, null);
        assertEquals(5398, limited.count(), "N times the times the line was logged");
        assertEquals(Map.of("source", "net_ratelimit"), limited.attributes());
        assertEquals(Map.of("iface", "eth1"), event("e1000e: eth1 NIC Link is Down").attributes());
        assertEquals(Map.of("bond", "bond2", "iface", "ten2", "state", "down"),
                event("bond2: (slave ten2): link status definitely down, disabling slave").attributes());
    }

    @Test
    void plainTextAndOtherLimitersAreNoEvent() {
        assertNull(event("kauditd_printk_skb: 22 callbacks suppressed"));
        assertNull(event("e1000e 0000:00:19.0 eth0: Intel(R) PRO/1000 Network Connection"));
        assertNull(event("nf_conntrack: table full, dropping packets"));
    }

    private static KernelMessageTable.Problem onlyProblem(String yaml) {
        var loaded = KernelMessageTable.load("m.yaml", yaml);
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        return loaded.problems().get(0);
    }

    @Test
    void aPatternThatBacktracksCatastrophicallyIsRefusedWhenThePackLoads() {
        var p = onlyProblem("messages:\n  - kind: kernel.x\n    anchor: \"boom boom\"\n    pattern: '^((a+)+b)+$'\n");
        assertEquals(4, p.line());
        assertTrue(p.message().startsWith("bad pattern: the pattern backtracks catastrophically"), p.message());
    }

    @Test
    void badRowsAreRefusedAtTheirPlace() {
        assertTrue(onlyProblem("messages:\n  - kind: kernel.x\n    anchor: \"abcd\"\n    pattern: 'abcd'\n    colour: red\n")
                .message().startsWith("unknown key 'colour'"));
        assertTrue(onlyProblem("messages:\n  - kind: kernel.x\n    anchor: \"abcd\"\n").message().contains("needs literal: or pattern:"));
        assertTrue(onlyProblem("messages:\n  - kind: Kernel.X\n    anchor: \"abcd\"\n    pattern: 'abcd'\n").message()
                .contains("must be kernel."));
        assertTrue(onlyProblem("messages:\n  - kind: kernel.x\n    anchor: \"abcd\"\n    pattern: 'abcd'\n    examples: [\"abcx\"]\n")
                .message().startsWith("example 'abcx' is not matched by its row"));
        assertTrue(onlyProblem("messages:\n  - kind: kernel.x\n    anchor: \"abcd\"\n    literal: \"xabcd\"\n    pattern: '^abcd'\n")
                .message().contains("does not match the row's pattern"));
        var malformed = onlyProblem("messages:\n  - kind: [unclosed\n");
        assertEquals(2, malformed.line());
    }

    /** A pack's own row makes an event without Java, after the bundled rows. */
    @Test
    void aPacksRowsJoinTheBundledOnes() {
        var own = KernelMessageTable.load("mine.yaml", """
                messages:
                  - kind: kernel.i40e-tx-driver-issue
                    anchor: "TX driver issue detected"
                    pattern: '^i40e [^ ]+: TX driver issue detected, PF reset issued'
                    examples: ["i40e 0000:3b:00.0: TX driver issue detected, PF reset issued"]
                """);
        assertEquals(List.of(), own.problems());
        KernelMessageTable both = TABLE.plus(own.table());
        assertEquals("kernel.i40e-tx-driver-issue",
                both.event("i40e 0000:3b:00.0: TX driver issue detected, PF reset issued", Stamp.NONE, 1, null).kind());
        assertNull(event("i40e 0000:3b:00.0: TX driver issue detected, PF reset issued"));
    }
}
