package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The proc-uptime format: grammar ProcUptime.g4, read by {@link ProcUptimeParser}. */
public final class ProcUptimeFormat extends Format {

    public ProcUptimeFormat() {
        super(describe("proc-uptime").grammar("ProcUptime").parser(c -> new ProcUptimeParser())
                .artifact("proc-uptime", "/proc/uptime: seconds since boot")
                .source("proc-uptime", "proc/uptime")
                .supplies("proc-uptime", Name.fact("proc.uptime.seconds")));
    }
}
