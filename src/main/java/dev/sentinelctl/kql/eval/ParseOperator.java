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
 * {@code parse} and {@code parse-where} (parse-operator.md). {@code kind=regex} runs the pattern as one regex
 * anchored at the start ({@link #regexFor}); simple and relaxed mode run {@link ParseScanner}, which matches the
 * same as that regex with the literals quoted. String literals match literally ({@code kind=simple}) or as regex
 * ({@code kind=regex}), {@code *} skips lazily,
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

    /** Marks a row slot whose value is in the long scratch array instead. */
    private static final Object UNBOXED = new Object();

    static Table run(Table in, String kind, String flags, Expr input, Clause.ParsePattern pattern, boolean where,
                     Evaluator evaluator, Scope scope, SyntaxNode op) {
        List<ParseScanner.Element> elements = elements(pattern);
        List<Capture> caps = captures(pattern);
        boolean isRegex = kind.equals("regex");
        boolean relaxed = kind.equals("relaxed");
        Ev source = ExprCompiler.str(new ExprCompiler(evaluator, in, scope).compile(input));
        int n = in.rowCount();
        int c = caps.size();
        ScalarType[] types = new ScalarType[c];
        for (int i = 0; i < c; i++) types[i] = caps.get(i).type();
        List<Vec.Builder> bs = new ArrayList<>();
        for (Capture cap : caps) bs.add(Vec.builder(cap.type(), n));
        int[] keep = new int[n];
        int k = 0;
        Object[] row = new Object[c];
        // regex mode keeps java.util.regex; simple and relaxed literals are plain text, so a scan does the same job
        // without a Matcher and its group strings per row
        Pattern compiled = isRegex ? Regexes.compile(regexFor(elements, true), Regexes.flags(flags) | Pattern.DOTALL, pattern) : null;
        ParseScanner scanner = isRegex ? null : new ParseScanner(elements);
        int[] starts = new int[c];
        int[] ends = new int[c];
        long[] longs = new long[c];
        SubstringCache[] texts = new SubstringCache[c];
        for (int i = 0; i < c; i++) texts[i] = new SubstringCache(n);
        for (int r = 0; r < n; r++) {
            String s = (String) source.eval(r);
            if (s == null) s = "";
            boolean ok;
            if (isRegex) {
                Matcher m = compiled.matcher(s);
                ok = m.find();
                for (int i = 0; ok && i < c; i++) {
                    String g = m.group(i + 1);
                    row[i] = g == null ? null : convert(types[i], g);
                    if (row[i] == null && types[i] != ScalarType.STRING) ok = false;
                }
            } else {
                ok = scanner.match(s, starts, ends);
                for (int i = 0; ok && i < c; i++) {
                    if (types[i] == ScalarType.LONG && ends[i] - starts[i] <= 18) {
                        // the scan took -?\d+ here, which cannot overflow at this length: no substring, no box
                        longs[i] = digits(s, starts[i], ends[i]);
                        row[i] = UNBOXED;
                        continue;
                    }
                    row[i] = convert(types[i], texts[i].get(s, starts[i], ends[i]));
                    if (row[i] == null && types[i] != ScalarType.STRING && !relaxed) ok = false;
                }
            }
            if (!ok) {
                if (where) continue;
                java.util.Arrays.fill(row, null);
            }
            keep[k++] = r;
            for (int i = 0; i < c; i++) {
                if (row[i] == UNBOXED) bs.get(i).addLong(longs[i]);
                else bs.get(i).add(row[i]);
            }
        }
        Table t = where ? in.gather(keep, k) : in;
        for (int i = 0; i < c; i++) t = Tables.withColumn(t, caps.get(i).name(), bs.get(i).build());
        return t;
    }

    /** The pattern's elements; a typed capture's type is resolved here so an unknown type fails at bind time. */
    static List<ParseScanner.Element> elements(Clause.ParsePattern pattern) {
        List<ParseScanner.Element> out = new ArrayList<>();
        for (SyntaxNode p : pattern.parts()) {
            if (p instanceof Expr.Literal lit) out.add(new ParseScanner.Literal(lit.value()));
            else if (p instanceof Expr.Star) out.add(new ParseScanner.Skip());
            else if (p instanceof Clause.Capture c) out.add(new ParseScanner.Capture(captureType(c)));
            else throw EvalException.unsupported("parse pattern element", p);
        }
        return out;
    }

    private static List<Capture> captures(Clause.ParsePattern pattern) {
        List<Capture> caps = new ArrayList<>();
        for (SyntaxNode p : pattern.parts()) {
            if (p instanceof Clause.Capture c) caps.add(new Capture(c.name().simpleName(), captureType(c)));
        }
        return caps;
    }

    private static ScalarType captureType(Clause.Capture c) {
        ScalarType t = c.type() == null ? ScalarType.STRING : Evaluator.typeName(c.type().text());
        if (t == null) throw EvalException.bind("unknown type '" + c.type().text() + "' in the parse pattern", c);
        return t;
    }

    /**
     * The pattern as one regex anchored at the start: literals as regex ({@code kind=regex}) or quoted, {@code *}
     * skipping lazily (greedily when last), text captures lazy (greedy when last), typed captures text of their
     * type. Simple and relaxed mode run {@link ParseScanner}, which matches the same as this regex with
     * {@code literalsAreRegex=false}; the tests hold the two against each other.
     */
    static String regexFor(List<ParseScanner.Element> elements, boolean literalsAreRegex) {
        StringBuilder regex = new StringBuilder("^");
        for (int i = 0; i < elements.size(); i++) {
            ParseScanner.Element p = elements.get(i);
            boolean last = i == elements.size() - 1;
            if (p instanceof ParseScanner.Literal lit) {
                regex.append(literalsAreRegex ? "(?:" + lit.text() + ")" : Pattern.quote(lit.text()));
            } else if (p instanceof ParseScanner.Skip) {
                regex.append(last ? "(?:.*)" : "(?:.*?)");
            } else if (p instanceof ParseScanner.Capture c) {
                regex.append(captureRegex(c.type(), last));
            }
        }
        return regex.toString();
    }

    /** A capture as its column type; null when it does not convert. */
    private static Object convert(ScalarType t, String g) {
        return t == ScalarType.STRING ? g : Convert.to(t, ScalarType.STRING, g);
    }

    /** The value of {@code -?\d+} at {@code s[start, end)}, at most 18 characters so it cannot overflow. */
    private static long digits(String s, int start, int end) {
        boolean neg = s.charAt(start) == '-';
        long v = 0;
        for (int i = neg ? start + 1 : start; i < end; i++) v = v * 10 + (s.charAt(i) - '0');
        return neg ? -v : v;
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
