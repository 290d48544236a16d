package io.rootline.report;

import java.util.Locale;

/** The output formats, each with its renderer. Adding a format means one renderer and one constant here. */
public enum ReportFormat {
    TEXT(new TextRenderer()),
    MARKDOWN(new MarkdownRenderer()),
    JSON(new JsonRenderer());

    private final ReportRenderer renderer;

    ReportFormat(ReportRenderer renderer) {
        this.renderer = renderer;
    }

    public ReportRenderer renderer() {
        return renderer;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named on the command line, or null when unknown. */
    public static ReportFormat parse(String name) {
        for (ReportFormat f : values()) {
            if (f.label().equals(name.toLowerCase(Locale.ROOT)) || (f == MARKDOWN && name.equalsIgnoreCase("md"))) {
                return f;
            }
        }
        return null;
    }
}
