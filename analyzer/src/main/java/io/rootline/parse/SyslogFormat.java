package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The syslog format: grammar Syslog.g4, read by {@link SyslogParser}. */
public final class SyslogFormat extends Format {

    public SyslogFormat() {
        super(describe("syslog").grammar("Syslog").parser(SyslogParser::new)
                // syslog keeps the kernel's lines too, with wall-clock stamps and for longer than the
                // ring buffer; kern.log holds only them, the journal everything
                .sourcesFrom("kernel-log", 10, "var/log/kern.log", "var/log/messages", "var/log/syslog",
                        "sos_commands/logs/journalctl_--no-pager", "sos_commands/logs/journalctl_--no-pager_--boot",
                        "sos_commands/logs/journalctl_--no-pager_--catalog_--boot")
                .layouts("sos-3")
                .sourcesFrom("kernel-log", 16, "sos_commands/logs/journalctl_--all_--this-boot_--no-pager")
                .sniff(15)
                .freeText()
                .supplies("kernel-log", Name.fact("syslog.kernel_lines"), Name.fact("syslog.yearless_stamps"), Name.fact("syslog.hosts"))
                .corpus("var-log-messages", "journalctl-k"));
    }
}
