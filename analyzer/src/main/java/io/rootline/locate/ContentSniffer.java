package io.rootline.locate;

import io.rootline.format.Format;
import io.rootline.format.Formats;
import io.rootline.parse.ArtifactParser;
import io.rootline.parse.ParserContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Identifies a file at an unknown path by its first lines ("netstat.txt" that is
 * really {@code netstat -s}). Each format's own parser, and so its grammar, judges
 * the lines; formats are tried from the most distinctive to the most permissive, in the
 * order their descriptors declare ({@link Format#sniffRank}).
 */
public final class ContentSniffer {

    /** Lines looked at. */
    public static final int HEAD_LINES = 40;

    private static final List<Format> ORDER = Formats.installed().sniffed();

    private ContentSniffer() {
    }

    /**
     * One parser of each kind per thread, for judging heads only: making one builds its grammar's
     * lexer and parser, and a bundle's loose files are each put to every kind.
     */
    private static final ThreadLocal<Map<Format, ArtifactParser>> JUDGES = ThreadLocal.withInitial(HashMap::new);

    public static Optional<Location> sniff(String path, List<String> head) {
        if (head.stream().allMatch(String::isBlank)) {
            return Optional.empty();
        }
        var judges = JUDGES.get();
        for (Format kind : ORDER) {
            if (judges.computeIfAbsent(kind, k -> k.newParser(ParserContext.BUNDLED)).recognizes(head)) {
                LogicalArtifact artifact = ArtifactCatalog.forKind(kind);
                return Optional.of(new Location(path, artifact, kind, Integer.MAX_VALUE, "content", null));
            }
        }
        return Optional.empty();
    }
}
