package io.rootline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A test file that is malformed is one line, at its line and column; a test's paths stay inside its bundle. */
class RuleTestLoaderTest {

    private static String error(String yaml) {
        RuleTestLoader.Loaded loaded = RuleTestLoader.load("t.yaml", yaml);
        assertEquals(List.of(), loaded.tests());
        assertEquals(-1, loaded.error().indexOf('\n'), loaded.error());
        return loaded.error();
    }

    @Test
    void malformedAtItsPlace() {
        assertTrue(error("tests:\n  - name: x\n    bundle: [oops\n").startsWith("t.yaml:3:13: malformed YAML"), error("tests:\n  - name: x\n    bundle: [oops\n"));
        assertEquals("t.yaml:2:5: missing 'bundle:'", error("tests:\n  - name: x\n    expect_not: [r]\n"));
        assertEquals("t.yaml:4:5: unknown key 'expects' (known: bundle, expect, expect_not, links, name)",
                error("tests:\n  - name: x\n    bundle: {a: b}\n    expects: []\n"));
        assertTrue(error("tests:\n  - name: x\n    bundle: {a: b}\n").contains("a test expects something"));
        assertTrue(error("tests:\n  - name: x\n    bundle: {a: b}\n    expect:\n      - rule: r\n        count: many\n")
                .startsWith("t.yaml:6:16: count: expected a number"));
    }

    @Test
    void pathsStayInsideTheBundle() {
        assertTrue(error("tests:\n  - name: x\n    bundle:\n      ../../etc/passwd: x\n    expect_not: [r]\n")
                .contains("is not a path inside the bundle"));
        assertTrue(error("tests:\n  - name: x\n    bundle:\n      /etc/passwd: x\n    expect_not: [r]\n")
                .contains("is not a path inside the bundle"));
    }

    @Test
    void junitXmlEscapesWhatATestSays() {
        String xml = JUnitXml.escape("a <b> & \"c\" \u0001");
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; \uFFFD", xml);
    }
}
