package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The timezone format: grammar Timezone.g4, read by {@link TimezoneParser}. */
public final class TimezoneFormat extends Format {

    public TimezoneFormat() {
        super(describe("timezone").grammar("Timezone").parser(c -> new TimezoneParser())
                .artifact("timezone", "/etc/timezone: the Olson zone name")
                .source("timezone", "etc/timezone")
                .supplies("timezone", Name.fact("timezone.name")));
    }
}
