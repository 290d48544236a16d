package io.rootline.rules;

import io.rootline.yaml.YamlNode;
import io.rootline.yaml.YamlReader;
import io.rootline.yaml.YamlException;

import io.rootline.model.Numbers;
import io.rootline.model.Phrase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Text with {expressions} in braces, compiled when the rule is loaded:
 * "Raise nf_conntrack_max to {suggested_max}". Numbers print without trailing zeros.
 */
final class Template {

    private final List<Object> parts;

    private Template(List<Object> parts) {
        this.parts = parts;
    }

    static Template compile(String text, YamlNode at, ExprCompiler compiler) throws RuleException {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                parts.add(text.substring(i));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new RuleException(at, "'{' at character " + (open + 1) + " is never closed");
            }
            if (open > i) {
                parts.add(text.substring(i, open));
            }
            parts.add(compiler.compile(text.substring(open + 1, close), at));
            i = close + 1;
        }
        return new Template(parts);
    }

    /** The text, plain: the rule's backticks (which mark code) left out. */
    String render(Expr.Scope scope) {
        return phrase(scope).plain();
    }

    /**
     * The text in parts, prose and code: a backtick in the rule's own text opens or closes a
     * code part, and a value inserted from the bundle belongs to the part it falls in, whatever
     * it holds.
     */
    Phrase phrase(Expr.Scope scope) {
        List<Phrase.Part> out = new ArrayList<>();
        boolean code = false;
        for (Object part : parts) {
            if (part instanceof Expr e) {
                Object v = e.eval(scope);
                out.add(new Phrase.Part(v instanceof BigDecimal d ? Numbers.format(d) : String.valueOf(v), code));
            } else {
                String literal = (String) part;
                int from = 0;
                for (int tick = literal.indexOf('`'); tick >= 0; tick = literal.indexOf('`', from)) {
                    out.add(new Phrase.Part(literal.substring(from, tick), code));
                    code = !code;
                    from = tick + 1;
                }
                out.add(new Phrase.Part(literal.substring(from), code));
            }
        }
        return new Phrase(out);
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        parts.stream().filter(p -> p instanceof Expr).forEach(p -> ((Expr) p).collect(names));
        return names;
    }
}
