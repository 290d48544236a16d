package io.rootline.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.rootline.bundle.BundleLoss;
import io.rootline.model.Evidence;
import io.rootline.rules.Finding;
import io.rootline.rules.NotEvaluated;
import io.rootline.rules.SymptomMatch;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
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

    private static final JsonFactory JSON = new JsonFactory();

    private static Map<String, Object> reach(Report r) {
        Reach reach = r.reach();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", Describe.reachSummary(r));
        List<Object> passed = new ArrayList<>();
        for (io.rootline.rules.PassedRule p : reach.passed()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("rule", p.rule());
            one.put("title", p.title());
            one.put("checked", p.checked());
            passed.add(one);
        }
        m.put("passed", passed);
        List<Object> unchecked = new ArrayList<>();
        for (Reach.Counter c : reach.unchecked()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", c.name());
            one.put("value", c.value());
            one.put("path", c.evidence().path());
            one.put("line", c.evidence().line());
            one.put("text", c.evidence().text());
            unchecked.add(one);
        }
        m.put("unchecked_counters", unchecked);
        List<Object> unused = new ArrayList<>();
        for (Reach.File f : reach.readByNoRule()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("artifact", f.what());
            one.put("path", f.path());
            unused.add(one);
        }
        m.put("read_by_no_rule", unused);
        List<Object> notExamined = new ArrayList<>();
        for (Reach.File f : reach.notExamined()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("path", f.path());
            one.put("why", f.what());
            notExamined.add(one);
        }
        m.put("not_examined", notExamined);
        List<Object> notRead = new ArrayList<>();
        for (Reach.Folder f : reach.notRead()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("folder", f.folder());
            one.put("files", f.files());
            notRead.add(one);
        }
        m.put("not_read", notRead);
        return m;
    }

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
        List<Object> windows = new ArrayList<>();
        for (KernelLogWindow w : r.clock().kernelLog()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", w.path());
            m.put("role", w.role());
            m.put("from", r.iso(w.from()));
            m.put("to", r.iso(w.to()));
            m.put("after_boot_seconds", w.afterBoot());
            windows.add(m);
        }
        clock.put("kernel_log", windows);
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
            m.put("remediation", f.remediation().stream().map(io.rootline.model.Phrase::plain).toList());
            m.put("per_day", f.perDay() == null ? null : io.rootline.model.Numbers.format(f.perDay()));
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
        root.put("reach", reach(r));

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
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", loss.path());
            m.put("reason", loss.reason());
            m.put("kind", loss.kind().label());
            losses.add(m);
        }
        root.put("losses", losses);
        root.put("assumptions", r.assumptions());
        root.put("rules", r.rulesLoaded());
        return json(root);
    }

    @Override
    public String render(FailedBundle failed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", failed.source());
        m.put("error", failed.error());
        return json(m);
    }

    /** One outcome: its object; several: an array of them, one element per path, a failed one included. */
    @Override
    public String render(List<Outcome> outcomes) {
        if (outcomes.size() == 1) {
            Outcome o = outcomes.get(0);
            return o instanceof Report r ? render(r) : render((FailedBundle) o);
        }
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            String one = o instanceof Report r ? render(r) : render((FailedBundle) o);
            out.append(one.stripTrailing()).append(i + 1 < outcomes.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }

    private static String json(Object root) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            write(json, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.append('\n').toString();
    }

    /** Writes a value of the report's tree: maps, lists, strings, numbers, booleans and nulls. */
    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> field : map.entrySet()) {
                json.writeFieldName((String) field.getKey());
                write(json, field.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                write(json, item);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
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
