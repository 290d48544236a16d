package io.rootline.report;

/** Turns a {@link Report} into text of one format. Renderers read the report only; they never analyse. */
public interface ReportRenderer {

    String render(Report report);

    /**
     * A path that gave no report, where the format has a place for it among the reports (JSON:
     * {@code {"source": ..., "error": ...}}); by default none: stderr says it.
     */
    default String render(FailedBundle failed) {
        return "";
    }

    /**
     * The outcomes of one run, in the order given: each in turn by default; a format with a
     * list of its own (JSON's array) overrides this.
     */
    default String render(java.util.List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        for (Outcome o : outcomes) {
            String one = o instanceof Report r ? render(r) : render((FailedBundle) o);
            if (!one.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(one);
            }
        }
        return out.toString();
    }
}
