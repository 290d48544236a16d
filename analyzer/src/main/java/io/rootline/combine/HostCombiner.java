package io.rootline.combine;

import io.rootline.model.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Facts about the host that several artifacts can supply, under one name each:
 * {@code host.name} (hostname, else uname), {@code host.ram_bytes} (/proc/meminfo,
 * else free), {@code host.arch_bits} (uname -a; 64 assumed, and said, when absent) and
 * {@code host.uptime_seconds}, {@code host.uptime_days} (from the clock: capture minus boot).
 */
public final class HostCombiner implements Combiner {

    /** The logical artifacts the host's facts are read from. */
    public static final List<String> READS = List.of("hostname", "meminfo", "free", "uname");

    public HostCombiner() {
    }

    /**
     * @param clock the bundle's clock, for {@code host.uptime_seconds} and {@code host.uptime_days}
     *              (capture time minus boot time): the time since-boot counters grew over
     */
    @Override
    public String name() {
        return "host";
    }

    @Override
    public List<Output> writes() {
        List<String> boot = List.of("proc-stat", "proc-uptime", "uptime");
        return List.of(new Output(io.rootline.format.Name.fact("host.name"), List.of("hostname", "uname")),
                new Output(io.rootline.format.Name.fact("host.ram_bytes"), List.of("meminfo", "free")),
                new Output(io.rootline.format.Name.fact("host.arch_bits"), List.of("uname")),
                new Output(io.rootline.format.Name.fact("host.uptime_seconds"), boot),
                new Output(io.rootline.format.Name.fact("host.uptime_days"), boot));
    }

    public static List<Fact> combine(BundleArtifacts artifacts, io.rootline.clock.ClockEvidence clock, List<String> assumptions) {
        List<Fact> facts = new ArrayList<>();
        if (clock.capturedAt() != null && clock.bootedAt() != null) {
            long millis = clock.capturedAt().toInstant().toEpochMilli() - clock.bootedAt().toEpochMilli();
            if (millis > 0) {
                java.math.BigDecimal seconds = java.math.BigDecimal.valueOf(millis, 3);
                facts.add(Fact.number("host.uptime_seconds", seconds, null));
                facts.add(Fact.number("host.uptime_days", seconds.divide(java.math.BigDecimal.valueOf(86400), java.math.MathContext.DECIMAL64),
                        null));
            }
        }
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
