package io.rootline.format;

import io.rootline.parse.ArtifactParser;
import io.rootline.parse.ParserContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One format rootline reads, declared once: its name, its grammar, its parser, where sos
 * keeps it, whether it is judged by content at unknown paths, the names of the facts and
 * events it supplies, and its real captures in the corpus. Everything else (the catalog of
 * paths, "needs X", content sniffing, fuzz seeds, the README's table) is derived from these
 * descriptors or checked against them by a test.
 *
 * <p>A format is a subclass registered in {@code META-INF/services/io.rootline.format.Format}
 * (found with {@link java.util.ServiceLoader}); see {@link Formats}. Its constructor says it all:
 *
 * <pre>
 * public final class SoftnetStatFormat extends Format {
 *     public SoftnetStatFormat() {
 *         super(describe("softnet-stat").grammar("SoftnetStat").parser(c -&gt; new SoftnetStatParser())
 *                 .artifact("softnet-stat", "/proc/net/softnet_stat: per-CPU packet processing")
 *                 .source("softnet-stat", "proc/net/softnet_stat")
 *                 .supplies("softnet-stat", Name.fact("softnet.processed", "cpu"), Name.fact("softnet.dropped", "cpu"))
 *                 .corpus("softnet_stat"));
 *     }
 * }
 * </pre>
 */
public abstract class Format {

    private final Spec spec;

    protected Format(Spec spec) {
        this.spec = Objects.requireNonNull(spec);
        if (spec.grammar == null || spec.parser == null) {
            throw new IllegalStateException("format " + spec.name + " needs a grammar and a parser");
        }
    }

    /** The name reports and fuzz seeds use: "netstat-s", "ethtool-stats". */
    public final String name() {
        return spec.name;
    }

    /** The grammar's name: {@code grammar/src/main/antlr4/io/rootline/grammar/<name>.g4}, examples in {@code grammar/examples/<name>/}. */
    public final String grammar() {
        return spec.grammar;
    }

    /** A fresh parser for one artifact (parsers are not thread-safe). */
    public final ArtifactParser newParser(ParserContext context) {
        return spec.parser.apply(context);
    }

    /** The logical artifacts this format declares: the names rules and reports use for the evidence. */
    public final List<Artifact> artifacts() {
        return List.copyOf(spec.artifacts);
    }

    /** Where sos keeps this format's captures, each for a logical artifact (one this or another format declares). */
    public final List<Source> sources() {
        return List.copyOf(spec.sources);
    }

    /**
     * The order in which formats judge a file at an unknown path by its first lines, most
     * distinctive first; negative for a format never judged by content.
     */
    public final int sniffRank() {
        return spec.sniffRank;
    }

    /** The names of facts, events and tables this format supplies, by logical artifact. */
    public final List<Supply> supplies() {
        return List.copyOf(spec.supplies);
    }

    /** Whether its lines are free text (logs): a line the grammar does not know is still a line of it. */
    public final boolean freeText() {
        return spec.freeText;
    }

    /** Its folders in {@code shared/corpus/} of real captures (none for a format sos alone writes). */
    public final List<String> corpus() {
        return List.copyOf(spec.corpus);
    }

    /** Whether {@code format} is the format of that name (false for none: a file no format reads). */
    public static boolean is(Format format, String formatName) {
        return format != null && format.is(formatName);
    }

    /** Whether this is the format of that name. */
    public final boolean is(String formatName) {
        return spec.name.equals(formatName);
    }

    @Override
    public final String toString() {
        return spec.name;
    }

    /** Starts a format's description. */
    protected static Spec describe(String name) {
        return new Spec(name);
    }

    /** A logical artifact: the evidence rules ask for by name ("kernel-log"), whatever format supplies it. */
    public record Artifact(String name, String description, boolean many) {
    }

    /**
     * A place sos keeps a capture: a path relative to the report's root, exact or a glob
     * ({@code var/log/**.log}), for a logical artifact; {@code rank} orders the places of one
     * logical artifact across formats (lower is preferred); {@code layouts} says which sos
     * releases write it ("sos-4", "sos-3", or both).
     */
    public record Source(String artifact, String path, int rank, String layouts) {
    }

    /** Names a format supplies for one of the logical artifacts it is read as. */
    public record Supply(String artifact, List<Name> names) {
        public Supply {
            names = List.copyOf(names);
        }
    }

    /** The builder of a format's description. */
    public static final class Spec {
        private final String name;
        private String grammar;
        private Function<ParserContext, ArtifactParser> parser;
        private final List<Artifact> artifacts = new ArrayList<>();
        private final List<Source> sources = new ArrayList<>();
        private final List<Supply> supplies = new ArrayList<>();
        private final List<String> corpus = new ArrayList<>();
        private int sniffRank = -1;
        private boolean freeText;
        private String layouts = "sos-3, sos-4";

        private Spec(String name) {
            this.name = name;
        }

        public Spec grammar(String grammarName) {
            this.grammar = grammarName;
            return this;
        }

        public Spec parser(Function<ParserContext, ArtifactParser> factory) {
            this.parser = factory;
            return this;
        }

        /** Declares a logical artifact, read as this format (and maybe others). */
        public Spec artifact(String artifactName, String description) {
            artifacts.add(new Artifact(artifactName, description, false));
            return this;
        }

        /** Declares a logical artifact of which every copy is used (application logs), not only the best. */
        public Spec artifactOfMany(String artifactName, String description) {
            artifacts.add(new Artifact(artifactName, description, true));
            return this;
        }

        /** The sos releases that write the sources declared after this ("sos-4"; both by default). */
        public Spec layouts(String which) {
            this.layouts = which;
            return this;
        }

        /** A place sos keeps it, after those declared before for the same logical artifact. */
        public Spec source(String artifactName, String path) {
            int rank = (int) sources.stream().filter(s -> s.artifact().equals(artifactName)).count();
            sources.add(new Source(artifactName, path, rank, layouts));
            return this;
        }

        /** Places of a logical artifact, ranked from {@code firstRank} on (another format's come first). */
        public Spec sourcesFrom(String artifactName, int firstRank, String... paths) {
            for (int i = 0; i < paths.length; i++) {
                sources.add(new Source(artifactName, paths[i], firstRank + i, layouts));
            }
            return this;
        }

        public Spec sniff(int rank) {
            this.sniffRank = rank;
            return this;
        }

        public Spec supplies(String artifactName, Name... names) {
            supplies.add(new Supply(artifactName, List.of(names)));
            return this;
        }

        public Spec supplies(String artifactName, List<Name> names) {
            supplies.add(new Supply(artifactName, names));
            return this;
        }

        public Spec freeText() {
            this.freeText = true;
            return this;
        }

        public Spec corpus(String... folders) {
            corpus.addAll(List.of(folders));
            return this;
        }
    }
}
