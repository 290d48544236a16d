package io.rootline.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The table from net-tools' prose ("N segments retransmited", "Quick ack mode was
 * activated N times") to the kernel MIB names that /proc/net/snmp and
 * /proc/net/netstat use. Both the old and the new net-tools spellings are listed.
 * The table lives in {@code netstat-s-wordings.tsv} next to this class.
 */
final class NetstatWordings {

    private static final Map<String, String> PROSE = load("netstat-s-wordings.tsv");
    private static final Map<String, String> HISTOGRAM = load("netstat-s-histogram.tsv");

    private NetstatWordings() {
    }

    /** The MIB name for a prose line, or null when the wording is new to us. */
    static String mibName(String section, String wording) {
        return PROSE.get(section + "\t" + normalize(wording));
    }

    /** A key made of a wording's words, for counters whose wording is not in the table. */
    static String keyOfWords(String wording) {
        return slug(normalize(wording));
    }

    /** "ICMP input histogram" is "In", "ICMP output histogram" is "Out". */
    static String histogramDirection(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        if (h.contains("input")) {
            return "In";
        }
        if (h.contains("output")) {
            return "Out";
        }
        return slug(h) + ".";
    }

    /** "destination unreachable" under the input histogram is "InDestUnreachs"; null when unknown. */
    static String histogramName(String direction, String label) {
        String suffix = HISTOGRAM.get(normalize(label));
        if (suffix != null && (direction.equals("In") || direction.equals("Out"))) {
            return direction + suffix;
        }
        return null;
    }

    private static String normalize(String wording) {
        String w = wording.trim().replaceAll("\\s+", " ");
        while (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String slug(String words) {
        StringBuilder b = new StringBuilder();
        for (char c : words.toLowerCase(Locale.ROOT).toCharArray()) {
            b.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return b.toString();
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> map = new HashMap<>();
        for (String[] cols : TsvResource.rows(NetstatWordings.class, resource)) {
            if (cols.length == 3) {
                map.put(cols[0] + "\t" + normalize(cols[1]), cols[2]);
            } else if (cols.length == 2) {
                map.put(normalize(cols[0]), cols[1]);
            }
        }
        return Map.copyOf(map);
    }
}
