package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The timedatectl format: grammar Timedatectl.g4, read by {@link TimedatectlParser}. */
public final class TimedatectlFormat extends Format {

    public TimedatectlFormat() {
        super(describe("timedatectl").grammar("Timedatectl").parser(c -> new TimedatectlParser())
                .artifact("timedatectl", "timedatectl: zone and clocks")
                .source("timedatectl", "sos_commands/systemd/timedatectl")
                .source("timedatectl", "sos_commands/date/timedatectl")
                .source("timedatectl", "sos_commands/systemd/timedatectl_status")
                .sniff(9)
                .supplies("timedatectl", Name.fact("timedatectl.local"), Name.fact("timedatectl.universal"),
                        Name.fact("timedatectl.zone"), Name.fact("timedatectl.offset")));
    }
}
