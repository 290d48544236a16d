package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The uname format: grammar Uname.g4, read by {@link UnameParser}. */
public final class UnameFormat extends Format {

    public UnameFormat() {
        super(describe("uname").grammar("Uname").parser(c -> new UnameParser())
                .artifact("uname", "uname -a")
                .source("uname", "sos_commands/kernel/uname_-a")
                .layouts("sos-3")
                .source("uname", "sos_commands/general/uname_-a")
                .sniff(5)
                .supplies("uname", Name.fact("uname.arch_bits"), Name.fact("uname.machine"), Name.fact("uname.release")));
    }
}
