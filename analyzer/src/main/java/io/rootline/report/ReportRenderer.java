package io.rootline.report;

/** Turns a {@link Report} into text of one format. Renderers read the report only; they never analyse. */
public interface ReportRenderer {

    String render(Report report);
}
