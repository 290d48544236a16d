package io.rootline.rules;

import io.rootline.yaml.YamlNode;
import io.rootline.yaml.YamlReader;
import io.rootline.yaml.YamlException;

import io.rootline.grammar.RuleExpressionLexer;
import io.rootline.grammar.RuleExpressionParser;
import io.rootline.grammar.RuleExpressionParser.AdditiveContext;
import io.rootline.grammar.RuleExpressionParser.AndContext;
import io.rootline.grammar.RuleExpressionParser.BoolContext;
import io.rootline.grammar.RuleExpressionParser.CallContext;
import io.rootline.grammar.RuleExpressionParser.ComparisonContext;
import io.rootline.grammar.RuleExpressionParser.ExprContext;
import io.rootline.grammar.RuleExpressionParser.MultiplicativeContext;
import io.rootline.grammar.RuleExpressionParser.NegateContext;
import io.rootline.grammar.RuleExpressionParser.NotContext;
import io.rootline.grammar.RuleExpressionParser.NumberContext;
import io.rootline.grammar.RuleExpressionParser.OrContext;
import io.rootline.grammar.RuleExpressionParser.ParenthesizedContext;
import io.rootline.grammar.RuleExpressionParser.ReferenceContext;
import io.rootline.grammar.RuleExpressionParser.StringContext;
import io.rootline.parse.GrammarDriver;
import java.math.BigDecimal;

/** Compiles expression text, checked by the RuleExpression grammar, into {@link Expr} trees. */
final class ExprCompiler {

    private final GrammarDriver<RuleExpressionParser> grammar =
            new GrammarDriver<>(RuleExpressionLexer::new, RuleExpressionParser::new);

    /** Checks the names of what is compiled, when set (a rule being loaded): see {@link NameCheck}. */
    private NameCheck check;

    /** Checks every expression compiled from now on with {@code check} (null: none). */
    void checking(NameCheck check) {
        this.check = check;
    }

    NameCheck check() {
        return check;
    }

    /**
     * @param at where the text stands in the rule file, for error positions
     * @throws RuleException when the text is not an expression, calls an unknown function, or
     *                       reads a name nothing declares
     */
    Expr compile(String text, YamlNode at) throws RuleException {
        var parsed = grammar.parse(text, RuleExpressionParser::expression);
        if (parsed == null) {
            throw new RuleException(at, "bad expression \"" + text + "\": " + grammar.lastError());
        }
        Expr e = convert(parsed.expr(), at);
        if (check != null) {
            check.check(e, at);
        }
        return e;
    }

    private Expr convert(ExprContext e, YamlNode at) throws RuleException {
        if (e instanceof ParenthesizedContext p) {
            return convert(p.expr(), at);
        }
        if (e instanceof NegateContext n) {
            return new Expr.Unary("-", convert(n.expr(), at));
        }
        if (e instanceof NotContext n) {
            return new Expr.Unary("not", convert(n.expr(), at));
        }
        if (e instanceof MultiplicativeContext m) {
            return new Expr.Binary(m.op.getText(), convert(m.left, at), convert(m.right, at));
        }
        if (e instanceof AdditiveContext a) {
            return new Expr.Binary(a.op.getText(), convert(a.left, at), convert(a.right, at));
        }
        if (e instanceof ComparisonContext c) {
            return new Expr.Binary(c.op.getText(), convert(c.left, at), convert(c.right, at));
        }
        if (e instanceof AndContext a) {
            return new Expr.Binary("and", convert(a.left, at), convert(a.right, at));
        }
        if (e instanceof OrContext o) {
            return new Expr.Binary("or", convert(o.left, at), convert(o.right, at));
        }
        if (e instanceof CallContext c) {
            String function = c.function.getText();
            java.util.List<Expr> args = new java.util.ArrayList<>();
            for (ExprContext arg : c.args) {
                args.add(convert(arg, at));
            }
            boolean grouped = !c.labels.isEmpty() || c.where != null;
            if (Expr.Aggregate.FUNCTIONS.contains(function) && (args.size() == 1 || grouped)) {
                if (args.size() != 1) {
                    throw new RuleException(at, function + "() with by or where takes one argument, not " + args.size());
                }
                return new Expr.Aggregate(function, args.get(0), c.labels.stream().map(org.antlr.v4.runtime.Token::getText).toList(),
                        c.where == null ? null : convert(c.where, at));
            }
            if (grouped) {
                throw new RuleException(at, "by and where belong to an aggregate (" + String.join(", ",
                        new java.util.TreeSet<>(Expr.Aggregate.FUNCTIONS)) + "), not to " + function + "()");
            }
            if (!Expr.Call.FUNCTIONS.contains(function)) {
                java.util.Set<String> known = new java.util.TreeSet<>(Expr.Call.FUNCTIONS);
                known.addAll(Expr.Aggregate.FUNCTIONS);
                throw new RuleException(at, "unknown function '" + function + "' (known: " + String.join(", ", known) + ")");
            }
            int expected = switch (function) {
                case "min", "max" -> -1;
                case "default", "percent" -> 2;
                default -> 1;
            };
            if ((expected > 0 && args.size() != expected) || (expected < 0 && args.isEmpty())) {
                throw new RuleException(at, function + "() takes " + (expected < 0 ? "one or more" : expected)
                        + " argument" + (expected == 1 ? "" : "s") + ", not " + args.size());
            }
            if (function.equals("exists") && !(args.get(0) instanceof Expr.Name)) {
                throw new RuleException(at, "exists() takes a name");
            }
            return new Expr.Call(function, args);
        }
        if (e instanceof NumberContext n) {
            return new Expr.Literal(new BigDecimal(n.getText()));
        }
        if (e instanceof StringContext s) {
            String t = s.getText();
            return new Expr.Literal(t.substring(1, t.length() - 1));
        }
        if (e instanceof BoolContext b) {
            return new Expr.Literal(Boolean.parseBoolean(b.getText()));
        }
        if (e instanceof ReferenceContext r) {
            return new Expr.Name(r.getText());
        }
        throw new RuleException(at, "unsupported expression " + e.getText());
    }
}
