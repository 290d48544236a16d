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
        java.util.Set<String> paths = r.paths();
        java.util.function.Function<String, String> marked = text -> phrase(Describe.marked(paths, text));
        out.append("# rootline report: ").append(b.host() == null ? "unknown host" : prose(b.host())).append("\n\n");
        out.append("- Bundle: ").append(code(b.source())).append(" (").append(b.layout()).append(", ").append(b.format()).append(")\n");
        out.append("- Captured: ").append(b.capturedAt() == null ? "unknown" : Report.iso(b.capturedAt())).append('\n');
        out.append("- Clock: ").append(marked.apply(Describe.clockLine(r))).append('\n');
        String kernel = Describe.kernelLogLine(r);
        if (kernel != null) {
            out.append("- Kernel log: ").append(marked.apply(kernel)).append('\n');
        }
        out.append('\n');

        out.append("## Summary\n\n");
        if (r.findings().isEmpty()) {
            out.append("No findings. ").append(prose(Describe.reachSummary(r))).append(". Nothing found is not nothing wrong:"
                    + " the reach below says what no rule examined.\n\n");
        } else {
            for (Finding f : r.findings()) {
                out.append("- **").append(f.severity().label()).append("** ")
                        .append(Describe.when(r, f).isEmpty() ? "" : Describe.when(r, f) + " ")
                        .append(prose(Describe.headline(f))).append(" (`").append(f.rule()).append("`)\n");
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
                r.timelineOmitted().forEach(o -> out.append("- ").append(prose(Describe.omission(r, o))).append('\n'));
                out.append('\n');
            }
        }

        for (Finding f : r.findings()) {
            out.append("## ").append(prose(f.title())).append("\n\n");
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
                out.append("**").append(prose(s.label())).append("**: ").append(s.count()).append(' ').append(s.noun())
                        .append(" in ").append(prose(s.source())).append(", ").append(r.clockTime(s.firstSeen())).append("–")
                        .append(r.clockTime(s.lastSeen())).append("\n\n");
                quote(s.evidence(), out);
            }
            if (!f.remediation().isEmpty()) {
                out.append("### Remediation\n\n");
                f.remediation().forEach(step -> out.append("- ").append(phrase(step)).append('\n'));
                out.append('\n');
            }
            if (!f.notes().isEmpty()) {
                f.notes().forEach(n -> out.append("> Note: ").append(marked.apply(n)).append("\n>\n"));
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

        reach(r, out, marked);

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
                out.append("- Lost: ").append(loss.path().isEmpty() ? "(archive)" : code(loss.path())).append(": ")
                        .append(marked.apply(loss.reason())).append('\n');
            }
            r.assumptions().forEach(a -> out.append("- Assumed: ").append(marked.apply(a)).append('\n'));
        }
        return out.toString();
    }

    private static void reach(Report r, StringBuilder out, java.util.function.Function<String, String> marked) {
        Reach reach = r.reach();
        out.append("## Reach\n\n").append(prose(Describe.reachSummary(r))).append(".\n\n");
        Describe.passedByChecked(r).forEach((checked, rules) -> {
            out.append("Passed, having read ").append(marked.apply(Describe.checked(r, checked))).append(":\n\n");
            rules.forEach(p -> out.append("- `").append(p.rule()).append("`: ").append(prose(p.title())).append('\n'));
            out.append('\n');
        });
        if (!reach.unchecked().isEmpty()) {
            out.append("Not zero, and checked by no rule:\n\n");
            reach.unchecked().forEach(c -> out.append("- ").append(code(c.name() + " = " + c.value())).append(" (")
                    .append(code(c.evidence().location())).append(")\n"));
            out.append('\n');
        }
        if (!reach.readByNoRule().isEmpty()) {
            out.append("Read, and used by no rule:\n\n");
            reach.readByNoRule().forEach(f -> out.append("- ").append(code(f.path())).append(" (").append(f.what()).append(")\n"));
            out.append('\n');
        }
        if (!reach.notExamined().isEmpty()) {
            out.append("Network evidence not examined (no format rootline reads):\n\n");
            Describe.notExaminedLines(r, p -> code(p)).forEach(line -> out.append("- ").append(line).append('\n'));
            out.append('\n');
        }
        if (!reach.notRead().isEmpty()) {
            out.append("Not read: ").append(Describe.notReadLine(r, p -> code(p))).append(".\n\n");
        }
    }

    /**
     * Text as a CommonMark code span, its fence longer than any run of backticks inside it, so
     * that nothing in the text (a path, a quoted line) can end the span: `a`, ``a`b``.
     */
    static String code(String text) {
        String fence = "`".repeat(longestRun(text, '`') + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`") || text.startsWith(" ") && text.endsWith(" ") && !text.isBlank();
        return fence + (pad ? " " + text + " " : text) + fence;
    }

    /** Evidence as a fenced block, its fence longer than any run of backticks in the lines: none can end it. */
    private static void quote(java.util.List<Evidence> evidence, StringBuilder out) {
        StringBuilder lines = new StringBuilder();
        for (Evidence e : evidence) {
            lines.append(e.location()).append(": ").append(e.text().strip()).append('\n');
        }
        String fence = "`".repeat(Math.max(3, longestRun(lines, '`') + 1));
        out.append(fence).append('\n').append(lines).append(fence).append("\n\n");
    }

    private static int longestRun(CharSequence text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** A rule's sentence: its code parts in code spans, its prose escaped. */
    static String phrase(io.rootline.model.Phrase phrase) {
        StringBuilder b = new StringBuilder();
        for (io.rootline.model.Phrase.Part part : phrase.parts()) {
            b.append(part.code() ? code(part.text()) : prose(part.text()));
        }
        return b.toString();
    }

    /**
     * Prose safe in CommonMark and pandoc: the characters that would start markup (emphasis,
     * links, HTML, code, tables, escapes) are escaped, and a line break is a blank.
     */
    static String prose(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped(text, i)) {
                b.append('\\');
            }
            b.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return b.toString();
    }

    /**
     * Whether a character of prose could start markup: emphasis, links, HTML, code, tables,
     * escapes, pandoc's sub- and superscripts, math and citations; a block quote or heading
     * where the text starts; and a hyphen next to another, which pandoc's typography would
     * make a dash. An underscore inside a word (sos_commands) starts nothing and is left as is.
     */
    private static boolean escaped(String text, int i) {
        char c = text.charAt(i);
        if ("\\`*[]<|~^$@".indexOf(c) >= 0) {
            return true;
        }
        return switch (c) {
            case '_' -> i == 0 || i == text.length() - 1 || !Character.isLetterOrDigit(text.charAt(i - 1))
                    || !Character.isLetterOrDigit(text.charAt(i + 1));
            case '>', '#', '+' -> i == 0;
            case '-' -> i == 0 || i > 0 && text.charAt(i - 1) == '-' || i + 1 < text.length() && text.charAt(i + 1) == '-';
            default -> false;
        };
    }

    /** Text safe inside a table cell or emphasis. */
    private static String cell(String text) {
        return prose(text);
    }

    /** A copy not read because a better one stands for it: it has no lines to count. */
    private static boolean skipped(ArtifactEntry a) {
        return a.status().equals("skipped");
    }
}
