package io.rootline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rootline.bundle.BundleLoss;
import io.rootline.model.Evidence;
import io.rootline.rules.Finding;
import io.rootline.rules.NotEvaluated;
import io.rootline.rules.SymptomMatch;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report, schema {@code rootline.report/1}. Field names and
 * order are written out here explicitly: the schema is a contract, not a side
 * effect of Java names. Fields are only ever added within a schema version.
 */
final class JsonRenderer implements ReportRenderer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(Report r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", Report.SCHEMA);
        BundleInfo b = r.bundle();
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("source", b.source());
        bundle.put("format", b.format());
        bundle.put("host", b.host());
        bundle.put("layout", b.layout());
        bundle.put("captured_at", Report.iso(b.capturedAt()));
        bundle.put("timezone", r.clock().timezone());
        bundle.put("timezone_name", r.clock().zoneName());
        root.put("bundle", bundle);

        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("timezone_source", r.clock().zoneSource());
        clock.put("boot_time", r.clock().bootTime());
        clock.put("boot_time_source", r.clock().bootSource());
        clock.put("kernel_times", r.clock().kernelTimes());
        root.put("clock", clock);

        List<Object> artifacts = new ArrayList<>();
        for (ArtifactEntry a : r.artifacts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", a.path());
            m.put("kind", a.kind());
            m.put("artifact", a.logical());
            m.put("located_by", a.located());
            m.put("status", a.status());
            m.put("used", a.used());
            m.put("lines", a.lines());
            m.put("unknown_lines", a.unknownLines());
            m.put("problems", a.problems());
            m.put("notes", a.notes());
            artifacts.add(m);
        }
        root.put("artifacts", artifacts);

        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("title", f.title());
            m.put("severity", f.severity().label());
            m.put("first_seen", r.iso(f.firstSeen()));
            m.put("last_seen", r.iso(f.lastSeen()));
            m.put("count", f.count());
            m.put("printed", f.printed());
            m.put("suppressed", f.suppressed());
            m.put("summary", f.summary());
            m.put("effect", f.effect());
            m.put("evidence", evidence(f.evidence()));
            List<Object> symptoms = new ArrayList<>();
            for (SymptomMatch s : f.symptoms()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("kind", s.kind());
                sm.put("label", s.label());
                sm.put("count", s.count());
                sm.put("first_seen", r.iso(s.firstSeen()));
                sm.put("last_seen", r.iso(s.lastSeen()));
                sm.put("source", s.source());
                sm.put("evidence", evidence(s.evidence()));
                symptoms.add(sm);
            }
            m.put("symptoms", symptoms);
            m.put("remediation", f.remediation());
            m.put("notes", f.notes());
            findings.add(m);
        }
        root.put("findings", findings);

        List<Object> notEvaluated = new ArrayList<>();
        for (NotEvaluated n : r.notEvaluated()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", n.rule());
            m.put("severity", n.severity().label());
            m.put("needs", n.needs());
            notEvaluated.add(m);
        }
        root.put("not_evaluated", notEvaluated);
        root.put("passed", r.passed());

        List<Object> timeline = new ArrayList<>();
        for (TimelineEntry t : r.timeline()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", r.iso(t.time()));
            m.put("end", r.iso(t.end()));
            if (t.time() == null) {
                m.put("since_boot", t.sinceBoot());
            }
            m.put("kind", t.kind());
            m.put("count", t.count());
            m.put("suppressed", t.suppressed());
            m.put("text", t.text());
            m.put("path", t.path());
            m.put("line", t.line());
            m.put("finding", t.finding());
            timeline.add(m);
        }
        root.put("timeline", timeline);
        List<Object> omitted = new ArrayList<>();
        for (TimelineOmission o : r.timelineOmitted()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", o.kind());
            m.put("bursts", o.bursts());
            m.put("count", o.count());
            m.put("suppressed", o.suppressed());
            m.put("first", r.iso(o.first()));
            m.put("last", r.iso(o.last()));
            omitted.add(m);
        }
        root.put("timeline_omitted", omitted);

        List<Object> losses = new ArrayList<>();
        for (BundleLoss loss : r.losses()) {
            losses.add(Map.of("path", loss.path(), "reason", loss.reason()));
        }
        root.put("losses", losses);
        root.put("assumptions", r.assumptions());
        root.put("rules", r.rulesLoaded());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> evidence(List<Evidence> evidence) {
        List<Object> list = new ArrayList<>();
        for (Evidence e : evidence) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", e.path());
            m.put("line", e.line());
            m.put("text", e.text());
            list.add(m);
        }
        return list;
    }
}
