package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.SyntaxNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parse} and {@code parse-where} (parse-operator.md). The pattern becomes one regex anchored at the start:
 * string literals match literally ({@code kind=simple}) or as regex ({@code kind=regex}), {@code *} skips lazily,
 * a string capture takes the shortest text up to the next literal (the rest of the input when it is last), typed
 * captures take text of their type. A row that does not match gets empty/null captures ({@code parse}) or is
 * dropped ({@code parse-where}); in simple mode a capture that does not convert to its type fails the row, in
 * relaxed mode only that column is null.
 */
final class ParseOperator {

    private ParseOperator() {
    }

    record Capture(String name, ScalarType type) {
    }

    static Table run(Table in, String kind, String flags, Expr input, Clause.ParsePattern pattern, boolean where,
                     Evaluator evaluator, Scope scope, SyntaxNode op) {
        List<Capture> caps = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        List<SyntaxNode> parts = pattern.parts();
        boolean isRegex = kind.equals("regex");
        for (int i = 0; i < parts.size(); i++) {
            SyntaxNode p = parts.get(i);
            boolean last = i == parts.size() - 1;
            if (p instanceof Expr.Literal lit) {
                String text = lit.value();
                regex.append(isRegex ? "(?:" + text + ")" : Pattern.quote(text));
            } else if (p instanceof Expr.Star) {
                regex.append(last ? "(?:.*)" : "(?:.*?)");
            } else if (p instanceof Clause.Capture c) {
                ScalarType t = c.type() == null ? ScalarType.STRING : Evaluator.typeName(c.type().text());
                if (t == null) throw EvalException.bind("unknown type '" + c.type().text() + "' in the parse pattern", c);
                caps.add(new Capture(c.name().simpleName(), t));
                regex.append(captureRegex(t, last));
            } else {
                throw EvalException.unsupported("parse pattern element", p);
            }
        }
        int f = isRegex ? Regexes.flags(flags) : 0;
        Pattern compiled = isRegex ? Regexes.compile(regex.toString(), f | Pattern.DOTALL, pattern) : Pattern.compile(regex.toString(), Pattern.DOTALL);
        Ev source = ExprCompiler.str(new ExprCompiler(evaluator, in, scope).compile(input));
        int n = in.rowCount();
        List<Vec.Builder> bs = new ArrayList<>();
        for (Capture c : caps) bs.add(Vec.builder(c.type(), n));
        int[] keep = new int[n];
        int k = 0;
        boolean relaxed = kind.equals("relaxed");
        Object[] row = new Object[caps.size()];
        for (int r = 0; r < n; r++) {
            Matcher m = compiled.matcher((String) source.eval(r));
            boolean ok = m.find();
            if (ok) {
                for (int i = 0; i < caps.size(); i++) {
                    String g = m.group(i + 1);
                    ScalarType t = caps.get(i).type();
                    Object v = g == null ? null : t == ScalarType.STRING ? g : Convert.to(t, ScalarType.STRING, g);
                    if (v == null && t != ScalarType.STRING && !relaxed) {
                        ok = false;
                        break;
                    }
                    row[i] = v;
                }
            }
            if (!ok) {
                if (where) continue;
                java.util.Arrays.fill(row, null);
            }
            keep[k++] = r;
            for (int i = 0; i < caps.size(); i++) bs.get(i).add(row[i]);
        }
        Table t = where ? in.gather(keep, k) : in;
        for (int i = 0; i < caps.size(); i++) t = Tables.withColumn(t, caps.get(i).name(), bs.get(i).build());
        return t;
    }

    private static String captureRegex(ScalarType t, boolean last) {
        return switch (t) {
            case INT, LONG -> "(-?\\d+)";
            case REAL, DECIMAL -> "(-?\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?)";
            case BOOL -> "(true|false|True|False|TRUE|FALSE|0|1)";
            default -> last ? "(.*)" : "(.*?)";
        };
    }

    static final class Parse implements TabularOperator<QueryOperator.Parse> {
        @Override
        public Class<QueryOperator.Parse> syntax() {
            return QueryOperator.Parse.class;
        }

        @Override
        public Table apply(QueryOperator.Parse op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            String kind = JoinOperator.param(op.parameters(), "kind", "simple", evaluator, scope);
            String flags = JoinOperator.param(op.parameters(), "flags", "", evaluator, scope);
            return run(in, kind, flags, op.input(), op.pattern(), false, evaluator, scope, op);
        }
    }

    static final class ParseWhere implements TabularOperator<QueryOperator.ParseWhere> {
        @Override
        public Class<QueryOperator.ParseWhere> syntax() {
            return QueryOperator.ParseWhere.class;
        }

        @Override
        public Table apply(QueryOperator.ParseWhere op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            String kind = JoinOperator.param(op.parameters(), "kind", "simple", evaluator, scope);
            String flags = JoinOperator.param(op.parameters(), "flags", "", evaluator, scope);
            return run(in, kind, flags, op.input(), op.pattern(), true, evaluator, scope, op);
        }
    }
}
