package io.rootline.report;

import io.rootline.bundle.BundleLoss;
import io.rootline.model.Evidence;
import io.rootline.rules.Finding;
import io.rootline.rules.NotEvaluated;
import io.rootline.rules.SymptomMatch;

/**
 * A report ready to paste into a postmortem: summary, timeline table, findings with
 * their evidence quoted as path:line, remediation, and what the bundle lacked.
 */
final class MarkdownRenderer implements ReportRenderer {

    @Override
    public String render(Report r) {
        StringBuilder out = new StringBuilder();
        BundleInfo b = r.bundle();
        out.append("# rootline report: ").append(b.host() == null ? "unknown host" : cell(b.host())).append("\n\n");
        out.append("- Bundle: `").append(b.source()).append("` (").append(b.layout()).append(", ").append(b.format()).append(")\n");
        out.append("- Captured: ").append(b.capturedAt() == null ? "unknown" : Report.iso(b.capturedAt())).append('\n');
        out.append("- Clock: ").append(Describe.clockLine(r)).append('\n');
        String kernel = Describe.kernelLogLine(r);
        if (kernel != null) {
            out.append("- Kernel log: ").append(kernel).append('\n');
        }
        out.append('\n');

        out.append("## Summary\n\n");
        if (r.findings().isEmpty()) {
            out.append("No findings. ").append(r.passed().size()).append(" rule(s) passed");
            out.append(r.notEvaluated().isEmpty() ? ".\n\n" : "; " + r.notEvaluated().size() + " could not be evaluated.\n\n");
        } else {
            for (Finding f : r.findings()) {
                out.append("- **").append(f.severity().label()).append("** ")
                        .append(f.firstSeen() == null ? "" : r.clockTime(f.firstSeen()) + " ")
                        .append(cell(Describe.headline(f))).append(" (`").append(f.rule()).append("`)\n");
            }
            out.append('\n');
        }

        if (!r.timeline().isEmpty()) {
            out.append("## Timeline (").append(r.clock().timezone()).append(")\n\n");
            out.append("| Time | Event | Count | Evidence | Finding |\n|---|---|---|---|---|\n");
            for (TimelineEntry t : r.timeline()) {
                out.append("| ").append(Describe.when(r, t)).append(" | `").append(t.kind()).append("` | ")
                        .append(Describe.count(t)).append(" | `").append(t.path()).append(':').append(t.line()).append("` | ")
                        .append(t.finding() == null ? "" : "`" + t.finding() + "`").append(" |\n");
            }
            out.append('\n');
            if (!r.timelineOmitted().isEmpty()) {
                r.timelineOmitted().forEach(o -> out.append("- ").append(cell(Describe.omission(r, o))).append('\n'));
                out.append('\n');
            }
        }

        for (Finding f : r.findings()) {
            out.append("## ").append(cell(f.title())).append("\n\n");
            out.append("Rule `").append(f.rule()).append("`, severity ").append(f.severity().label());
            if (f.firstSeen() != null) {
                out.append(", from ").append(r.iso(f.firstSeen())).append(" to ").append(r.iso(f.lastSeen()));
            }
            out.append(".\n\n");
            if (f.description() != null) {
                out.append(f.description().strip()).append("\n\n");
            }
            out.append("### Evidence\n\n");
            quote(f.evidence(), out);
            for (SymptomMatch s : f.symptoms()) {
                out.append("**").append(cell(s.label())).append("**: ").append(s.count()).append(' ').append(s.noun())
                        .append(" in ").append(s.source()).append(", ").append(r.clockTime(s.firstSeen())).append("–")
                        .append(r.clockTime(s.lastSeen())).append("\n\n");
                quote(s.evidence(), out);
            }
            if (!f.remediation().isEmpty()) {
                out.append("### Remediation\n\n");
                f.remediation().forEach(step -> out.append("- ").append(step).append('\n'));
                out.append('\n');
            }
            if (!f.notes().isEmpty()) {
                f.notes().forEach(n -> out.append("> Note: ").append(n).append('\n'));
                out.append('\n');
            }
        }

        if (!r.notEvaluated().isEmpty()) {
            out.append("## Not evaluated\n\n");
            for (NotEvaluated n : r.notEvaluated()) {
                out.append("- `").append(n.rule()).append("`: needs ").append(String.join(", ", n.needs())).append('\n');
            }
            out.append('\n');
        }

        out.append("## Artifacts\n\n").append(Describe.artifactSummary(r)).append(".\n\n");
        out.append("| Path | Kind | Status | Lines | Problems |\n|---|---|---|---|---|\n");
        for (ArtifactEntry a : r.artifacts()) {
            out.append("| `").append(a.path()).append("` | ").append(a.kind() == null ? "" : a.kind()).append(" | ")
                    .append(a.status()).append(a.used() || skipped(a) ? "" : " (not used)").append(" | ")
                    .append(skipped(a) ? "" : String.valueOf(a.lines())).append(" | ")
                    .append(cell(String.join("; ", a.problems()))).append(" |\n");
        }
        if (!r.losses().isEmpty() || !r.assumptions().isEmpty()) {
            out.append('\n');
            for (BundleLoss loss : r.losses()) {
                out.append("- Lost: `").append(loss.path().isEmpty() ? "(archive)" : loss.path()).append("`: ")
                        .append(loss.reason()).append('\n');
            }
            r.assumptions().forEach(a -> out.append("- Assumed: ").append(a).append('\n'));
        }
        return out.toString();
    }

    private static void quote(java.util.List<Evidence> evidence, StringBuilder out) {
        out.append("```\n");
        for (Evidence e : evidence) {
            out.append(e.location()).append(": ").append(e.text().strip()).append('\n');
        }
        out.append("```\n\n");
    }

    /** Text safe inside a table cell or emphasis. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** A copy not read because a better one stands for it: it has no lines to count. */
    private static boolean skipped(ArtifactEntry a) {
        return a.status().equals("skipped");
    }
}
