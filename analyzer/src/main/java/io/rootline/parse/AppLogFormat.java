package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The app-log format: grammar AppLog.g4, read by {@link AppLogParser}. */
public final class AppLogFormat extends Format {

    public AppLogFormat() {
        super(describe("app-log").grammar("AppLog").parser(c -> new AppLogParser())
                .artifactOfMany("app-log", "application log")
                .source("app-log", "var/log/**.log")
                .source("app-log", "*.log")
                .source("app-log", "logs/**")
                .sniff(14)
                .freeText()
                .supplies("app-log", AppLogParser.names())
                .corpus("app-logs"));
    }
}
