package io.rootline.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Test results as JUnit XML, the report CI systems read: a test suite per test file, a test case per test. */
public final class JUnitXml {

    private JUnitXml() {
    }

    /** @param errors test files that did not load, each with its one-line error, by file */
    public static String of(List<RuleTestRunner.Result> results, Map<String, String> errors) {
        Map<String, List<RuleTestRunner.Result>> byFile = new LinkedHashMap<>();
        for (RuleTestRunner.Result r : results) {
            byFile.computeIfAbsent(r.test().file(), k -> new java.util.ArrayList<>()).add(r);
        }
        long failures = results.stream().filter(r -> !r.passed()).count();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"rootline test\" tests=\"").append(results.size() + errors.size()).append("\" failures=\"")
                .append(failures).append("\" errors=\"").append(errors.size()).append("\">\n");
        byFile.forEach((file, rs) -> {
            long failed = rs.stream().filter(r -> !r.passed()).count();
            double time = rs.stream().mapToDouble(RuleTestRunner.Result::seconds).sum();
            b.append("  <testsuite name=\"").append(escape(file)).append("\" tests=\"").append(rs.size()).append("\" failures=\"")
                    .append(failed).append("\" errors=\"0\" time=\"").append(String.format(Locale.ROOT, "%.3f", time)).append("\">\n");
            for (RuleTestRunner.Result r : rs) {
                b.append("    <testcase classname=\"").append(escape(file)).append("\" name=\"").append(escape(r.test().name()))
                        .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", r.seconds())).append('"');
                if (r.passed()) {
                    b.append("/>\n");
                } else {
                    b.append(">\n      <failure message=\"").append(escape(r.failures().get(0))).append("\">")
                            .append(escape(String.join("\n", r.failures()))).append("</failure>\n    </testcase>\n");
                }
            }
            b.append("  </testsuite>\n");
        });
        errors.forEach((file, error) -> b.append("  <testsuite name=\"").append(escape(file))
                .append("\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase classname=\"").append(escape(file))
                .append("\" name=\"(the file)\">\n      <error message=\"").append(escape(error)).append("\"/>\n    </testcase>\n  </testsuite>\n"));
        return b.append("</testsuites>\n").toString();
    }

    /** Text safe in XML attributes and content: markup escaped, control characters (which XML 1.0 forbids) as U+FFFD. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n', '\t', '\r' -> b.append("&#").append((int) c).append(';');
                default -> b.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
