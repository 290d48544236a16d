package io.rootline.parse;

/**
 * What a parser is made with beyond its format: the tables of the rule packs loaded, which
 * users may extend (the kernel messages that become events).
 */
public record ParserContext() {

    /** The context of the bundled packs alone. */
    public static final ParserContext BUNDLED = new ParserContext();
}
