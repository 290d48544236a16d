package io.rootline.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a YAML document into {@link YamlNode}s, keeping positions and refusing duplicate keys. */
public final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /** @throws YamlException for malformed YAML or a duplicate key, at the place it happens */
    public static YamlNode read(String text) throws YamlException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new YamlException(new YamlNode.Scalar(null, 1, 1), "the file is empty");
            }
            return node(parser);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
                throw malformed(marked);
            }
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new YamlException(new YamlNode.Scalar(null, line, column), "malformed YAML: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new YamlException(new YamlNode.Scalar(null, 1, 1), "cannot read: " + e.getMessage());
        }
    }

    /**
     * SnakeYAML's error as one line, at the place to fix: where an unclosed list, mapping,
     * quote or key began (SnakeYAML notices it only lines later), else where the problem is.
     * "malformed YAML: a flow sequence begun here is not closed (expected ',' or ']', but got
     * <block mapping start> at line 3, column 1)"
     */
    private static YamlException malformed(org.yaml.snakeyaml.error.MarkedYAMLException e) {
        org.yaml.snakeyaml.error.Mark problemAt = e.getProblemMark();
        org.yaml.snakeyaml.error.Mark contextAt = e.getContextMark();
        String context = e.getContext();
        String problem = oneLine(e.getProblem());
        boolean unclosed = context != null && contextAt != null
                && (context.startsWith("while parsing a flow") || context.startsWith("while scanning a quoted")
                || context.startsWith("while scanning a simple key") || context.startsWith("while scanning a block scalar"))
                && (contextAt.getLine() != problemAt.getLine() || contextAt.getColumn() != problemAt.getColumn());
        if (unclosed) {
            String what = context.replaceFirst("^while (parsing|scanning) ", "");
            return new YamlException(new YamlNode.Scalar(null, contextAt.getLine() + 1, contextAt.getColumn() + 1),
                    "malformed YAML: " + what + " begun here is not closed (" + problem + " at line " + (problemAt.getLine() + 1)
                            + ", column " + (problemAt.getColumn() + 1) + ")");
        }
        return new YamlException(new YamlNode.Scalar(null, problemAt.getLine() + 1, problemAt.getColumn() + 1),
                "malformed YAML: " + problem);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static YamlNode node(JsonParser p) throws IOException, YamlException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, YamlNode> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    YamlNode keyNode = new YamlNode.Scalar(key, keyAt.getLineNr(), keyAt.getColumnNr());
                    if (entries.containsKey(key)) {
                        throw new YamlException(keyNode, "key '" + key + "' appears twice");
                    }
                    p.nextToken();
                    entries.put(key, node(p));
                    keys.put(key, keyNode);
                }
                return new YamlNode.MapNode(entries, keys, line, column);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p));
                }
                return new YamlNode.ListNode(items, line, column);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(p.getText(), line, column);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(p.getDecimalValue(), line, column);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(p.getBooleanValue(), line, column);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, line, column);
            }
            default -> throw new YamlException(new YamlNode.Scalar(null, line, column),
                    "unexpected YAML element " + p.currentToken());
        }
    }
}
