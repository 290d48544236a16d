package io.rootline.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line and column it starts at. Rule validation needs positions
 * for every value, which a plain data binding loses.
 */
public sealed interface YamlNode {

    int line();

    int column();

    /** A mapping, keys in file order. */
    record MapNode(Map<String, YamlNode> entries, Map<String, YamlNode> keys, int line, int column) implements YamlNode {
        public MapNode {
            entries = new LinkedHashMap<>(entries);
            keys = new LinkedHashMap<>(keys);
        }
    }

    record ListNode(List<YamlNode> items, int line, int column) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /** A scalar: String, Long/BigInteger, Double/BigDecimal, Boolean, or null. */
    record Scalar(Object value, int line, int column) implements YamlNode {
    }

    /** "a mapping", "a list", "text", "a number", "true/false", "nothing". */
    static String describe(YamlNode node) {
        if (node instanceof MapNode) {
            return "a mapping";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        Object v = ((Scalar) node).value();
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String) {
            return "text";
        }
        if (v instanceof Boolean) {
            return "true/false";
        }
        return "a number";
    }
}
