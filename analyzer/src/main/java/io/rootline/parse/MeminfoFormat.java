package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The meminfo format: grammar Meminfo.g4, read by {@link MeminfoParser}. */
public final class MeminfoFormat extends Format {

    public MeminfoFormat() {
        super(describe("meminfo").grammar("Meminfo").parser(c -> new MeminfoParser())
                .artifact("meminfo", "/proc/meminfo")
                .source("meminfo", "proc/meminfo")
                .sniff(7)
                .supplies("meminfo", Name.open("meminfo.", "[A-Za-z0-9_()]+", "Field as /proc/meminfo names it, and Field_bytes"))
                .corpus("proc-meminfo"));
    }
}
