package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The date format: grammar Date.g4, read by {@link DateParser}. */
public final class DateFormat extends Format {

    public DateFormat() {
        super(describe("date").grammar("Date").parser(c -> new DateParser())
                .artifact("date", "date: local clock at capture")
                .artifact("date-utc", "date --utc: UTC clock at capture")
                .source("date", "sos_commands/date/date")
                .layouts("sos-3")
                .source("date", "sos_commands/general/date")
                .layouts("sos-3, sos-4")
                .source("date-utc", "sos_commands/date/date_--utc")
                .layouts("sos-3")
                .source("date-utc", "sos_commands/general/date_--utc")
                .layouts("sos-3, sos-4")
                .sniff(12)
                .supplies("date", Name.fact("date.datetime"), Name.fact("date.zone"))
                .supplies("date-utc", Name.fact("date.datetime"), Name.fact("date.zone"))
                .corpus("date"));
    }
}
