package io.rootline.parse;

import java.util.function.Supplier;

/**
 * What a parser is made with beyond its format: the tables of the rule packs loaded, which
 * packs may extend (the kernel messages that become events). Read when a parser first needs
 * them, so that loading the packs and reading the bundle overlap.
 */
public final class ParserContext {

    /** The context of the bundled pack alone. */
    public static final ParserContext BUNDLED = new ParserContext(KernelMessageTable::bundled);

    private final Supplier<KernelMessageTable> messages;
    private volatile KernelMessageTable table;

    public ParserContext(Supplier<KernelMessageTable> messages) {
        this.messages = messages;
    }

    /** The kernel messages that become events. */
    public KernelMessageTable messages() {
        KernelMessageTable t = table;
        if (t == null) {
            t = messages.get();
            table = t;
        }
        return t;
    }
}
