package io.rootline.rules;

import io.rootline.yaml.YamlNode;
import io.rootline.yaml.YamlReader;
import io.rootline.yaml.YamlException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule language's documentation, run: its whole rule loads, and every YAML block in it is YAML. */
class RulesReadmeTest {

    private static final Path README = Path.of("rules/README.md");

    private static List<String> yamlBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : Files.readAllLines(README)) {
            if (block == null && line.equals("```yaml")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void theWholeRuleLoads() throws IOException {
        String whole = yamlBlocks().get(0);
        RuleSet set = new RuleLoader().loadFile("README.md", whole);
        assertEquals(List.of(), set.errors());
        assertEquals(List.of("neighbour-table-overflow"), set.ids());
    }

    @Test
    void everyExampleIsYaml() throws IOException {
        List<String> blocks = yamlBlocks();
        assertFalse(blocks.isEmpty());
        for (String block : blocks) {
            try {
                YamlReader.read(block);
            } catch (YamlException e) {
                throw new AssertionError("rules/README.md holds a YAML example that is not YAML: " + e.getMessage() + "\n" + block);
            }
        }
    }
}
