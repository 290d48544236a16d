package io.rootline.model;

import java.util.List;
import java.util.Map;

/**
 * A small named table computed from an artifact, such as the destination ports that
 * fill the conntrack table. Rules iterate over its rows to write remediation lines.
 */
public record Table(String key, List<Map<String, String>> rows) {

    public Table {
        rows = rows.stream().map(Map::copyOf).toList();
    }
}
