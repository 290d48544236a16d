package io.rootline.rules;

import io.rootline.yaml.YamlNode;
import io.rootline.yaml.YamlReader;
import io.rootline.yaml.YamlException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expression language: exact arithmetic, names, functions, and missing names. */
class ExprTest {

    private final ExprCompiler compiler = new ExprCompiler();
    private final Map<String, Object> values = Map.of(
            "sysctl.net.netfilter.nf_conntrack_max", new BigDecimal("262144"),
            "sysctl.net.netfilter.nf_conntrack_count", new BigDecimal("261000"),
            "host.ram_bytes", new BigDecimal(32779628L * 1024),
            "host.arch_bits", new BigDecimal(64),
            "row.protocol", "udp");

    private Object eval(String text) throws RuleException {
        return compiler.compile(text, new YamlNode.Scalar(text, 1, 1)).eval(values::get);
    }

    @Test
    void ratiosAndComparisons() throws RuleException {
        assertEquals(true, eval("sysctl.net.netfilter.nf_conntrack_count / sysctl.net.netfilter.nf_conntrack_max >= 0.99"));
        assertEquals(false, eval("sysctl.net.netfilter.nf_conntrack_count >= sysctl.net.netfilter.nf_conntrack_max"));
        assertEquals(true, eval("row.protocol == 'udp' or row.protocol == 'tcp'"));
        assertEquals(new BigDecimal("7"), eval("1 + 2 * 3"));
        assertEquals(new BigDecimal("9"), eval("(1 + 2) * 3"));
    }

    @Test
    void kernelSizingFromRam() throws RuleException {
        // 32779628 kB of RAM / 16384 / (64 / 32) = 1024363, whose nearest power of two is 1048576
        assertEquals(new BigDecimal("1048576"), eval("round_pow2(host.ram_bytes / 16384 / (host.arch_bits / 32))"));
        assertEquals("31.3 GiB", eval("bytes(host.ram_bytes)"));
        assertEquals(new BigDecimal("99.6"), eval("percent(sysctl.net.netfilter.nf_conntrack_count, sysctl.net.netfilter.nf_conntrack_max)"));
    }

    @Test
    void missingNamesAreReportedNotZero() throws RuleException {
        Expr.MissingValue e = assertThrows(Expr.MissingValue.class, () -> eval("netstat.TcpExt.ListenDrops > 0"));
        assertEquals("netstat.TcpExt.ListenDrops", e.name());
        assertEquals(new BigDecimal("0"), eval("default(netstat.TcpExt.ListenDrops, 0)"));
        assertEquals(false, eval("exists(netstat.TcpExt.ListenDrops)"));
        assertEquals(true, eval("exists(host.arch_bits)"));
    }
}
