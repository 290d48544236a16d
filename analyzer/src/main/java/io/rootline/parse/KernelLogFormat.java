package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The kernel-log format: grammar KernelLog.g4, read by {@link KernelLogParser}. */
public final class KernelLogFormat extends Format {

    public KernelLogFormat() {
        super(describe("kernel-log").grammar("KernelLog").parser(KernelLogParser::new)
                .artifact("kernel-log", "the kernel's messages: the ring buffer (dmesg), else the syslog files that kept them")
                .source("kernel-log", "sos_commands/kernel/dmesg")
                .source("kernel-log", "sos_commands/kernel/dmesg_-T")
                .layouts("sos-3")
                .source("kernel-log", "sos_commands/general/dmesg")
                .layouts("sos-3, sos-4")
                .source("kernel-log", "var/log/dmesg")
                .sniff(13)
                .freeText()
                .supplies("kernel-log", Name.fact("kernel-log.stamped_lines"), Name.fact("kernel-log.clock_stamps"),
                        Name.fact("kernel-log.from_boot"),
                        // and an event of each kind of the kernel message table (rules/messages/kernel.yaml)
                        Name.fact("kernel-log.first_since_boot"))
                .corpus("dmesg", "dmesg-T"));
    }
}
