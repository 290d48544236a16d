package io.rootline.support;

import io.rootline.bundle.Limits;
import io.rootline.model.Event;
import io.rootline.model.Fact;
import io.rootline.parse.ArtifactBuilder;
import io.rootline.parse.ArtifactReader;
import io.rootline.parse.ParsedArtifact;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Parses single files or strings as one artifact kind, through the same reader a bundle uses. */
public final class ParsedFiles {

    private ParsedFiles() {
    }

    public static ParsedArtifact parse(io.rootline.format.Format kind, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(kind, file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ParsedArtifact parse(io.rootline.format.Format kind, String text) {
        return parse(kind, "sample", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static ParsedArtifact parse(io.rootline.format.Format kind, String name, InputStream in) {
        try {
            return ArtifactReader.read(new ArtifactBuilder(name, kind, kind.sources().get(0).artifact(), "path", 0),
                    kind.newParser(io.rootline.parse.ParserContext.BUNDLED), in,
                    Limits.DEFAULTS.maxLineBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fact's text, by its key, or by key and labels as {@link Fact#display} writes them ("iface.rx_dropped{iface=eth0}"). */
    public static String fact(ParsedArtifact a, String key) {
        return a.facts().stream().filter(f -> f.display().equals(key)).map(Fact::text).findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + key + " in " + a.path()));
    }

    public static boolean hasFact(ParsedArtifact a, String key) {
        return a.facts().stream().anyMatch(f -> f.key().equals(key));
    }

    public static List<Event> events(ParsedArtifact a, String kind) {
        return a.events().stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
