package io.rootline.report;

import io.rootline.bundle.BundleLoss;
import io.rootline.model.Evidence;
import io.rootline.rules.Finding;
import io.rootline.rules.NotEvaluated;
import io.rootline.rules.SymptomMatch;

/**
 * The terminal report: findings first, each headed by its time and headline, then
 * the timeline, what could not be evaluated, and what went wrong with the bundle.
 */
final class TextRenderer implements ReportRenderer {

    @Override
    public String render(Report r) {
        StringBuilder out = new StringBuilder();
        BundleInfo b = r.bundle();
        out.append("rootline report for ").append(b.host() == null ? "(unknown host)" : b.host())
                .append("  [").append(b.layout()).append(", ").append(b.format()).append("]\n");
        out.append("bundle:   ").append(b.source()).append('\n');
        out.append("captured: ").append(b.capturedAt() == null ? "unknown" : Report.iso(b.capturedAt())).append('\n');
        out.append("clock:    ").append(Describe.clockLine(r)).append('\n');
        String kernel = Describe.kernelLogLine(r);
        if (kernel != null) {
            out.append("kernel:   ").append(kernel).append('\n');
        }
        out.append('\n');

        if (r.findings().isEmpty()) {
            // never to be read as health: what was checked, and what was not, stand beside it
            out.append("No findings. ").append(Describe.reachSummary(r)).append(".\n");
            out.append("Nothing found is not nothing wrong: see REACH below for what no rule examined.\n");
        } else {
            out.append("FINDINGS\n");
            for (Finding f : r.findings()) {
                finding(r, f, out);
            }
        }

        if (!r.timeline().isEmpty()) {
            out.append("\nTIMELINE\n");
            for (TimelineEntry t : r.timeline()) {
                out.append("  ").append(pad(Describe.when(r, t), 30)).append("  ").append(pad(t.kind(), 30))
                        .append("  ").append(pad(Describe.count(t), 24)).append("  ").append(t.path()).append(':')
                        .append(t.line()).append(t.finding() == null ? "" : "  <- " + t.finding()).append('\n');
            }
            r.timelineOmitted().forEach(o -> out.append("  ... ").append(Describe.omission(r, o)).append('\n'));
        }

        if (!r.notEvaluated().isEmpty()) {
            out.append("\nNOT EVALUATED\n");
            for (NotEvaluated n : r.notEvaluated()) {
                out.append("  ").append(n.rule()).append(": needs ").append(String.join(", ", n.needs())).append('\n');
            }
        }

        reach(r, out);

        out.append("\nARTIFACTS  ").append(Describe.artifactSummary(r)).append('\n');
        for (ArtifactEntry a : r.artifacts()) {
            if (a.problems().isEmpty() && a.status().equals("parsed") || a.kind() == null && a.located().equals("path")) {
                continue; // the files no format reads are in REACH
            }
            out.append("  ").append(a.path()).append(" (").append(a.kind() == null ? "unknown" : a.kind()).append(", ")
                    .append(a.status()).append(")\n");
            a.problems().forEach(p -> out.append("    ").append(p).append('\n'));
            a.notes().forEach(n -> out.append("    note: ").append(n).append('\n'));
        }
        for (BundleLoss loss : r.losses()) {
            out.append("  LOST ").append(loss.path().isEmpty() ? "(archive)" : loss.path()).append(": ")
                    .append(loss.reason()).append('\n');
        }
        for (String assumption : r.assumptions()) {
            out.append("  assumed: ").append(assumption).append('\n');
        }
        return out.toString();
    }

    private static void reach(Report r, StringBuilder out) {
        Reach reach = r.reach();
        out.append("\nREACH  ").append(Describe.reachSummary(r)).append('\n');
        Describe.passedByChecked(r).forEach((checked, rules) -> {
            out.append("  passed, having read ").append(Describe.checked(r, checked)).append(":\n");
            rules.forEach(p -> out.append("    ").append(pad(p.rule(), 28)).append("  ").append(p.title()).append('\n'));
        });
        if (!reach.unchecked().isEmpty()) {
            out.append("  not zero, and checked by no rule:\n");
            reach.unchecked().forEach(c -> out.append("    ").append(c.name()).append(" = ").append(c.value()).append("  ")
                    .append(c.evidence().location()).append('\n'));
        }
        if (!reach.readByNoRule().isEmpty()) {
            out.append("  read, and used by no rule:\n");
            reach.readByNoRule().forEach(f -> out.append("    ").append(f.path()).append(" (").append(f.what()).append(")\n"));
        }
        if (!reach.notExamined().isEmpty()) {
            out.append("  network evidence not examined (no format rootline reads):\n");
            Describe.notExaminedLines(r, p -> p).forEach(line -> out.append("    ").append(line).append('\n'));
        }
        if (!reach.notRead().isEmpty()) {
            out.append("  not read: ").append(Describe.notReadLine(r, p -> p)).append('\n');
        }
    }

    private static void finding(Report r, Finding f, StringBuilder out) {
        String when = Describe.when(r, f);
        out.append(pad(f.severity().label(), 9)).append(when.isEmpty() ? "" : when + "  ").append(Describe.headline(f)).append('\n');
        out.append("         rule ").append(f.rule()).append(": ").append(f.title()).append('\n');
        if (f.firstSeen() != null) {
            out.append("         from ").append(r.iso(f.firstSeen())).append(" to ").append(r.iso(f.lastSeen())).append('\n');
        }
        out.append("         evidence:\n");
        for (Evidence e : f.evidence()) {
            out.append("           ").append(e.location()).append("  ").append(e.text().strip()).append('\n');
        }
        for (SymptomMatch s : f.symptoms()) {
            out.append("         symptom ").append(s.label()).append(": ").append(s.count()).append(' ').append(s.noun())
                    .append(" from ").append(r.clockTime(s.firstSeen())).append(" to ").append(r.clockTime(s.lastSeen()))
                    .append('\n');
            for (Evidence e : s.evidence()) {
                out.append("           ").append(e.location()).append("  ").append(e.text().strip()).append('\n');
            }
        }
        if (!f.remediation().isEmpty()) {
            out.append("         fix:\n");
            f.remediation().forEach(step -> Wrap.lines(step, Wrap.columns(), "           - ", "             ")
                    .forEach(line -> out.append(line).append('\n')));
        }
        f.notes().forEach(n -> out.append("         note: ").append(n).append('\n'));
        out.append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
