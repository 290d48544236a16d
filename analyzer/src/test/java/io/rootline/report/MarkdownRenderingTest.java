package io.rootline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rootline.model.Phrase;
import io.rootline.rules.Finding;
import io.rootline.support.BundleBuilder;
import io.rootline.support.BundleBuilder.Container;
import io.rootline.support.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The markdown report as a wiki renders it: each remediation's commands come out of a
 * CommonMark renderer (and pandoc, where installed) exactly as the rule wrote them, and no
 * quoted line, whatever backticks it holds, breaks out of its block.
 */
class MarkdownRenderingTest {

    private static final Parser COMMONMARK = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @TempDir
    Path dir;

    private static Report incident() {
        return Fixtures.analyze(Fixtures.bundle("dns-conntrack.tar.xz"));
    }

    /** Each "### Remediation" list: per item, its code spans, and its text as a reader sees it. */
    private static List<List<String>> remediationCode(Node document, List<String> plain) {
        List<List<String>> items = new ArrayList<>();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 3 && h.getFirstChild() instanceof Text t && t.getLiteral().equals("Remediation")
                    && n.getNext() instanceof BulletList list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    List<String> code = new ArrayList<>();
                    StringBuilder text = new StringBuilder();
                    ((ListItem) item).accept(new AbstractVisitor() {
                        @Override
                        public void visit(Code c) {
                            code.add(c.getLiteral());
                            text.append(c.getLiteral());
                        }

                        @Override
                        public void visit(Text t) {
                            text.append(t.getLiteral());
                        }
                    });
                    items.add(code);
                    plain.add(text.toString());
                }
            }
        }
        return items;
    }

    private static List<Phrase> remediation(Report r) {
        return r.findings().stream().flatMap(f -> f.remediation().stream()).toList();
    }

    @Test
    void commonMarkGivesEachCommandAsTheRuleWroteIt() {
        Report r = incident();
        List<Phrase> expected = remediation(r);
        assertTrue(expected.size() >= 6, expected.toString());
        List<String> plain = new ArrayList<>();
        List<List<String>> code = remediationCode(COMMONMARK.parse(ReportFormat.MARKDOWN.renderer().render(r)), plain);
        assertEquals(expected.stream().map(Phrase::code).toList(), code);
        assertEquals(expected.stream().map(Phrase::plain).toList(), plain);
        // the commands are there to copy: whole, with their double hyphens
        assertTrue(code.stream().flatMap(List::stream).anyMatch(c -> c.equals("iptables -t raw -A PREROUTING -p udp --dport 53 -j NOTRACK")),
                code.toString());
    }

    @Test
    void aQuotedLineHoldingBackticksStaysInItsBlock() throws IOException {
        String evil = "java.net.UnknownHostException: ```db``` and `x` ``` </code><script>alert(1)</script>";
        BundleBuilder bundle = BundleBuilder.conntrackIncident()
                .file("var/log/app/app.log", "2021-05-08 12:40:52,004 ERROR [main] Client - lookup failed\n" + evil + "\n");
        Report r = Fixtures.analyze(bundle.write(dir, "evil", Container.FOLDER));
        String markdown = ReportFormat.MARKDOWN.renderer().render(r);
        Node document = COMMONMARK.parse(markdown);
        List<String> blocks = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock b) {
                blocks.add(b.getLiteral());
            }

            @Override
            public void visit(Heading h) {
                StringBuilder text = new StringBuilder();
                h.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        text.append(t.getLiteral());
                    }
                });
                headings.add(text.toString());
            }
        });
        assertTrue(blocks.stream().anyMatch(b -> b.contains(evil)), blocks.toString());
        // what follows the block is still the report's own structure
        assertEquals(List.of("Evidence", "Not evaluated", "Reach", "Artifacts"), headings.subList(headings.indexOf("Evidence"), headings.size()));
        String html = org.commonmark.renderer.html.HtmlRenderer.builder().build().render(document);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void pandocGivesEachCommandAsTheRuleWroteIt() throws IOException, InterruptedException {
        assumeTrue(onPath("pandoc"), "pandoc is not installed: the CommonMark test stands alone (apt-get install pandoc)");
        Report r = incident();
        Path md = dir.resolve("report.md");
        Files.writeString(md, ReportFormat.MARKDOWN.renderer().render(r), StandardCharsets.UTF_8);
        // pandoc's own markdown, its typography on: "--" becomes a dash and quotes curl, outside code
        Process p = new ProcessBuilder("pandoc", "-f", "markdown", "-t", "html", "--wrap=none", md.toString())
                .redirectErrorStream(true).start();
        String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), html);
        List<String> items = new ArrayList<>();
        Matcher lists = Pattern.compile("<h3 id=\"remediation[^\"]*\">Remediation</h3>\\s*<ul>(.*?)</ul>", Pattern.DOTALL).matcher(html);
        while (lists.find()) {
            Matcher item = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL).matcher(lists.group(1));
            while (item.find()) {
                items.add(item.group(1));
            }
        }
        List<Phrase> expected = remediation(r);
        assertEquals(expected.size(), items.size(), html);
        for (int i = 0; i < items.size(); i++) {
            List<String> code = new ArrayList<>();
            Matcher c = Pattern.compile("<code>(.*?)</code>", Pattern.DOTALL).matcher(items.get(i));
            while (c.find()) {
                code.add(unescape(c.group(1)));
            }
            assertEquals(expected.get(i).code(), code, items.get(i));
            assertFalse(items.get(i).contains("\u2013") || items.get(i).contains("\u2014"), "a dash where the rule wrote --: " + items.get(i));
        }
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
