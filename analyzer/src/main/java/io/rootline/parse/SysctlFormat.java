package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The sysctl format: grammar Sysctl.g4, read by {@link SysctlParser}. */
public final class SysctlFormat extends Format {

    public SysctlFormat() {
        super(describe("sysctl").grammar("Sysctl").parser(c -> new SysctlParser())
                .artifact("sysctl", "sysctl -a: kernel settings")
                .source("sysctl", "sos_commands/kernel/sysctl_-a")
                .sniff(11)
                .supplies("sysctl", Name.open("sysctl.", "[A-Za-z0-9_][A-Za-z0-9_.:/@-]*", "any key sysctl -a prints"))
                .corpus("sysctl-a"));
    }
}
