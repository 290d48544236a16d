package io.rootline.rules;

import io.rootline.yaml.YamlNode;
import io.rootline.yaml.YamlReader;
import io.rootline.yaml.YamlException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rootline.model.Fact;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aggregates over labelled facts: any, all, count, sum, max, min, top, with by and where. */
class AggregateTest {

    private final ExprCompiler compiler = new ExprCompiler();

    private static Fact f(String name, long value, String... labels) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            m.put(labels[i], labels[i + 1]);
        }
        return Fact.labelled(name, m, BigDecimal.valueOf(value), null);
    }

    /** Four CPUs, one dropping; two NICs with two queues each; and a setting with one value. */
    private static final List<Fact> FACTS = List.of(
            f("softnet.dropped", 0, "cpu", "0"), f("softnet.dropped", 0, "cpu", "1"),
            f("softnet.dropped", 312500, "cpu", "2"), f("softnet.dropped", 0, "cpu", "3"),
            f("softnet.processed", 1000, "cpu", "0"), f("softnet.processed", 1000, "cpu", "1"),
            f("softnet.processed", 900000, "cpu", "2"), f("softnet.processed", 1000, "cpu", "3"),
            f("nic.rx_missed", 2_000_000, "iface", "eth0", "queue", "0"), f("nic.rx_missed", 300_000, "iface", "eth0", "queue", "1"),
            f("nic.rx_missed", 10, "iface", "eth1", "queue", "0"), f("nic.rx_missed", 5, "iface", "eth1", "queue", "1"),
            f("ring.rx", 256, "iface", "eth0"), f("ring.rx", 4096, "iface", "eth1"));

    private final Expr.Scope scope = new Expr.Scope() {
        @Override
        public Object lookup(String name) {
            return name.equals("sysctl.net.core.netdev_max_backlog") ? new BigDecimal("1000") : null;
        }

        @Override
        public List<Fact> rows(String name) {
            return FACTS.stream().filter(f -> f.key().equals(name)).toList();
        }
    };

    private Object eval(String text) throws RuleException {
        return compiler.compile(text, new YamlNode.Scalar(text, 1, 1)).eval(scope);
    }

    @Test
    void anyAllCount() throws RuleException {
        assertEquals(true, eval("any(softnet.dropped > 0)"));
        assertEquals(false, eval("all(softnet.dropped > 0)"));
        assertEquals(new BigDecimal(1), eval("count(softnet.dropped > 0)"));
        assertEquals(new BigDecimal(3), eval("count(softnet.dropped == 0)"));
        assertEquals(false, eval("any(softnet.dropped > 0 where cpu != '2')"));
    }

    @Test
    void sumMaxMinOverRowsAndGroups() throws RuleException {
        assertEquals(new BigDecimal(312500), eval("sum(softnet.dropped)"));
        assertEquals(new BigDecimal(2_000_000), eval("max(nic.rx_missed)"));
        assertEquals(new BigDecimal(2_300_000), eval("max(nic.rx_missed by iface)"));
        assertEquals(new BigDecimal(15), eval("min(nic.rx_missed by iface)"));
        assertEquals(new BigDecimal(2_300_015), eval("sum(nic.rx_missed)"));
        assertEquals(new BigDecimal(15), eval("sum(nic.rx_missed where iface == 'eth1')"));
    }

    @Test
    void topNamesTheRow() throws RuleException {
        assertEquals("eth0", eval("top(nic.rx_missed by iface)"));
        assertEquals("2", eval("top(softnet.dropped)"));
        assertEquals("iface=eth0, queue=0", eval("top(nic.rx_missed)"));
    }

    /** Names of one row's labels join: the share of CPU 2's packets it dropped, a NIC's missed frames against its ring. */
    @Test
    void otherLabelledNamesAreReadAtTheRow() throws RuleException {
        assertEquals(true, eval("any(softnet.dropped * 100 / (softnet.processed + softnet.dropped) > 20)"));
        // eth0's ring is small and it missed; eth1's is large
        assertEquals("eth0", eval("top(nic.rx_missed by iface where ring.rx < 4096)"));
        assertEquals(true, eval("any(softnet.dropped > sysctl.net.core.netdev_max_backlog)"));
    }

    @Test
    void emptyRowsAndNoLabelledName() throws RuleException {
        assertEquals(new BigDecimal(0), eval("sum(softnet.dropped where cpu == '9')"));
        assertEquals(false, eval("any(softnet.dropped > 0 where cpu == '9')"));
        assertThrows(Expr.MissingValue.class, () -> eval("max(softnet.dropped where cpu == '9')"));
        assertEquals(new BigDecimal(1000), eval("max(sysctl.net.core.netdev_max_backlog)"), "one row: the value itself");
        assertEquals(new BigDecimal(7), eval("max(3, 7)"), "the scalar max of several arguments");
    }

    @Test
    void byAndWhereBelongToAggregates() {
        RuleException e = assertThrows(RuleException.class, () -> eval("round(softnet.dropped by cpu)"));
        assertEquals("by and where belong to an aggregate (all, any, count, max, min, sum, top), not to round()", e.getMessage());
    }
}
