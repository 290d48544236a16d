package io.rootline.parse;

import io.rootline.format.Format;
import io.rootline.format.Name;

/** The free format: grammar Free.g4, read by {@link FreeParser}. */
public final class FreeFormat extends Format {

    public FreeFormat() {
        super(describe("free").grammar("Free").parser(c -> new FreeParser())
                .artifact("free", "free")
                .source("free", "sos_commands/memory/free")
                .sniff(8)
                .supplies("free", Name.open("free.", "(mem|swap|low|high|total)\\.[a-z_]+_bytes", "mem|swap>.<column>_bytes"))
                .corpus("free"));
    }
}
