package io.rootline.combine;

import io.rootline.model.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Facts about the host that several artifacts can supply, under one name each:
 * {@code host.name} (hostname, else uname), {@code host.ram_bytes} (/proc/meminfo,
 * else free) and {@code host.arch_bits} (uname -a; 64 assumed, and said, when absent).
 */
public final class HostCombiner {

    /** The logical artifacts the host's facts are read from. */
    public static final List<String> READS = List.of("hostname", "meminfo", "free", "uname");

    private HostCombiner() {
    }

    public static List<Fact> combine(BundleArtifacts artifacts, List<String> assumptions) {
        List<Fact> facts = new ArrayList<>();
        artifacts.fact("hostname", "hostname")
                .ifPresent(f -> facts.add(new Fact("host.name", null, f.text(), f.evidence())));
        Optional<Fact> ram = artifacts.fact("meminfo", "meminfo.MemTotal_bytes")
                .or(() -> artifacts.fact("free", "free.mem.total_bytes"));
        ram.ifPresent(f -> facts.add(Fact.number("host.ram_bytes", f.number(), f.evidence())));
        Optional<Fact> bits = artifacts.fact("uname", "uname.arch_bits");
        if (bits.isPresent()) {
            facts.add(Fact.number("host.arch_bits", bits.get().number(), bits.get().evidence()));
        } else {
            facts.add(Fact.number("host.arch_bits", 64, null));
            assumptions.add("64-bit host assumed (no uname -a in the bundle)");
        }
        return facts;
    }
}
