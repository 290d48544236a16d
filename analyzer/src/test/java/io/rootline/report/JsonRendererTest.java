package io.rootline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootline.support.BundleBuilder;
import io.rootline.support.BundleBuilder.Container;
import io.rootline.support.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON report's shape where the approved fixtures do not reach: a bundle with losses.
 * The approved files pin everything else byte for byte.
 */
class JsonRendererTest {

    @TempDir
    Path dir;

    @Test
    void lossesKeepTheirFieldOrderAndValues() throws IOException {
        Path bundle = BundleBuilder.conntrackIncident()
                .link("sos_commands/networking/netstat_-s", "../../../../../../etc/netstat.txt")
                .write(dir, "with-loss", Container.TAR);
        Report report = Fixtures.analyze(bundle);
        String json = ReportFormat.JSON.renderer().render(report);

        // the field order is part of the schema, in every run (Map.of would not keep it)
        assertTrue(json.contains("""
                  "losses" : [ {
                    "path" : "sos_commands/networking/netstat_-s",
                    "reason" : "a link to ../../../../../../etc/netstat.txt, which leads outside the bundle; not followed",
                    "kind" : "entry"
                  } ],
                """), json);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertEquals(report.losses().size(), tree.get("losses").size());
        List<String> fields = new ArrayList<>();
        tree.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("schema", "bundle", "clock", "artifacts", "findings", "not_evaluated", "passed", "reach", "timeline",
                "timeline_omitted", "losses", "assumptions", "rules"), fields);
        JsonNode finding = tree.get("findings").get(0);
        assertEquals("conntrack-table-full", finding.get("rule").asText());
        assertEquals(report.findings().get(0).count(), finding.get("count").asLong());
        assertTrue(json.endsWith("}\n"), "one newline ends the document");
    }
}
