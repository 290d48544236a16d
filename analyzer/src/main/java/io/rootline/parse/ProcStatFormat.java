package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The proc-stat format: grammar ProcStat.g4, read by {@link ProcStatParser}. */
public final class ProcStatFormat extends Format {

    public ProcStatFormat() {
        super(describe("proc-stat").grammar("ProcStat").parser(c -> new ProcStatParser())
                .artifact("proc-stat", "/proc/stat: boot time")
                .source("proc-stat", "proc/stat")
                .supplies("proc-stat", Name.open("proc.stat.", "[a-z_]+[0-9]*", "field: btime, ctxt, processes, ...")));
    }
}
