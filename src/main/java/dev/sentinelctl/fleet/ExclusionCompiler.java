package dev.sentinelctl.fleet;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Json;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.Statement;
import dev.sentinelctl.kql.syntax.StringValues;
import dev.sentinelctl.kql.syntax.SyntaxWalker;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a content item's query plus one workspace's exclusion values into the query to deploy.
 *
 * <p>Values are only ever written as escaped string literals inside one {@code let} per exclusion, and the
 * filter ({@code | where not(...)}) is spliced into the original text at the end of the tree node the placement
 * names, so the rest of the query stays byte for byte as reviewed. The result is then parsed and bound again
 * and checked against what was meant: exactly one more {@code let} and one more {@code where} per applied
 * exclusion, each literal decoding to its value, and no binding error the original did not have. Anything
 * else is a bug in this class and is refused: a wrong query must never reach a customer's workspace.
 */
public final class ExclusionCompiler {
    public static final String LET_PREFIX = "__sentinelctl_";
    /** Sentinel refuses analytic rule queries longer than this (the content schemas use the same limit). */
    public static final int DEFAULT_MAX_LENGTH = 10_000;

    private final Catalog catalog;
    private final int maxLength;

    public ExclusionCompiler(Catalog catalog) {
        this(catalog, DEFAULT_MAX_LENGTH);
    }

    public ExclusionCompiler(Catalog catalog, int maxLength) {
        this.catalog = catalog;
        this.maxLength = maxLength;
    }

    /**
     * @param values exclusion name → the workspace's values; names must be declared, declared names may be absent
     * @throws ExclusionCompileException when the values do not fit the declarations or the result is not safe
     */
    public CompiledQuery compile(String query, List<ExclusionDeclaration> declarations, Map<String, ExclusionValues> values) {
        Map<String, ExclusionDeclaration> byName = new LinkedHashMap<>();
        Set<String> folded = new HashSet<>();
        for (ExclusionDeclaration d : declarations) {
            // check reports these at their YAML position; here they would give two lets one name, or a silent no-op
            if (!folded.add(d.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new ExclusionCompileException("exclusion '" + d.name() + "' is declared twice");
            }
            if (!d.name().matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                throw new ExclusionCompileException("exclusion name '" + d.name() + "' is not a plain name (letters, digits, _)");
            }
            if (d.caseSensitive() && (d.match() == ExclusionMatch.HAS || d.match() == ExclusionMatch.IN_IPV4_RANGE)) {
                throw new ExclusionCompileException("exclusion '" + d.name() + "': " + d.match().yamlName() + " has no case-sensitive form");
            }
            byName.put(d.name(), d);
        }
        for (String name : values.keySet()) {
            if (!byName.containsKey(name)) {
                throw new ExclusionCompileException("values given for '" + name + "', which the query does not declare (declared: "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ")");
            }
        }
        List<ExclusionDeclaration> active = new ArrayList<>();
        for (ExclusionDeclaration d : declarations) {
            ExclusionValues v = values.get(d.name());
            if (v != null && !v.isEmpty()) active.add(d);
        }
        if (active.isEmpty()) return new CompiledQuery(query, List.of());

        ParsedQuery original = KqlParser.parse(query);
        if (original.hasErrors()) {
            throw new ExclusionCompileException("the query itself has syntax errors; fix them before adding exclusions: "
                    + original.diagnostics().get(0).message());
        }
        for (Token t : original.tokens()) {
            if (t.kind() == TokenKind.IDENTIFIER && t.text().startsWith(LET_PREFIX)) {
                throw new ExclusionCompileException("the query already uses the name '" + t.text() + "'; names starting with "
                        + LET_PREFIX + " are reserved for exclusions");
            }
        }

        StringBuilder lets = new StringBuilder();
        // offset → filters to insert there, in declaration order; TreeMap so splicing can go from the end backwards
        TreeMap<Integer, StringBuilder> filters = new TreeMap<>();
        for (ExclusionDeclaration d : active) {
            ExclusionValues v = values.get(d.name());
            lets.append(letStatement(d, v)).append('\n');
            InsertionPoints.Point point = InsertionPoints.find(original, d.placement());
            if (!point.found()) {
                throw new ExclusionCompileException("exclusion '" + d.name() + "' goes " + d.placement().yamlName()
                        + ", but " + point.problem());
            }
            filters.computeIfAbsent(point.after().lastToken().end(), k -> new StringBuilder())
                    .append("\n| where ").append(predicate(d, v));
        }
        StringBuilder out = new StringBuilder(query);
        for (Map.Entry<Integer, StringBuilder> f : filters.descendingMap().entrySet()) out.insert(f.getKey(), f.getValue());
        out.insert(InsertionPoints.letOffset(original), lets);
        String text = out.toString();
        if (text.length() > maxLength) {
            throw new ExclusionCompileException("the query with exclusions is " + text.length() + " characters, over the "
                    + maxLength + " Sentinel accepts; keep long value lists in a watchlist (watchlist: ALIAS)");
        }
        verify(original, text, active, values);
        return new CompiledQuery(text, active.stream().map(ExclusionDeclaration::name).toList());
    }

    private static String letStatement(ExclusionDeclaration d, ExclusionValues v) {
        StringBuilder sb = new StringBuilder("let ").append(d.letName()).append(" = ");
        if (v instanceof ExclusionValues.Literals l) {
            sb.append("dynamic([");
            for (int i = 0; i < l.values().size(); i++) {
                String value = l.values().get(i);
                if (value.isBlank() && d.match() != ExclusionMatch.EQUALS) {
                    // "x endswith ''" holds for every row: one empty value would silence the whole detection
                    throw new ExclusionCompileException("exclusion '" + d.name() + "' value " + (i + 1)
                            + " is empty, which would exclude every row with " + d.match().yamlName());
                }
                String problem = KqlText.unsupported(value);
                if (problem != null) {
                    throw new ExclusionCompileException("exclusion '" + d.name() + "' value " + (i + 1) + " has a " + problem);
                }
                if (i > 0) sb.append(", ");
                sb.append(KqlText.stringLiteral(value));
            }
            return sb.append("]);").toString();
        }
        ExclusionValues.Watchlist w = (ExclusionValues.Watchlist) v;
        if (w.alias() == null || w.alias().isBlank()) {
            throw new ExclusionCompileException("exclusion '" + d.name() + "' names a watchlist without an alias");
        }
        if (d.match() == ExclusionMatch.STARTSWITH || d.match() == ExclusionMatch.ENDSWITH) {
            throw new ExclusionCompileException("exclusion '" + d.name() + "' matches with " + d.match().yamlName()
                    + ", which KQL cannot apply to a watchlist's rows; list the values in the fleet config instead");
        }
        for (String s : List.of(w.alias(), w.keyColumn())) {
            String problem = KqlText.unsupported(s);
            if (problem != null) throw new ExclusionCompileException("exclusion '" + d.name() + "' watchlist has a " + problem);
        }
        String source = "_GetWatchlist(" + KqlText.stringLiteral(w.alias()) + ")";
        String key = KqlText.name(w.keyColumn());
        if (d.match() == ExclusionMatch.IN_IPV4_RANGE) {
            // ipv4_is_in_any_range takes a dynamic array, not a table
            return sb.append("toscalar(").append(source).append(" | summarize make_list(").append(key).append("));").toString();
        }
        return sb.append(source).append(" | project ").append(key).append(';').toString();
    }

    private static String predicate(ExclusionDeclaration d, ExclusionValues v) {
        String col = KqlText.name(d.column());
        String var = d.letName();
        switch (d.match()) {
            case EQUALS:
                return "not(" + col + (d.caseSensitive() ? " in (" : " in~ (") + var + "))";
            case HAS:
                return "not(" + col + " has_any (" + var + "))";
            case IN_IPV4_RANGE:
                return "not(ipv4_is_in_any_range(" + col + ", " + var + "))";
            default:
                // No "endswith any" in KQL: one comparison per array element; the text depends on the count, never the values
                String op = d.match() == ExclusionMatch.ENDSWITH ? "endswith" : "startswith";
                if (d.caseSensitive()) op += "_cs";
                int n = ((ExclusionValues.Literals) v).values().size();
                StringBuilder sb = new StringBuilder("not(");
                for (int i = 0; i < n; i++) {
                    if (i > 0) sb.append(" or ");
                    sb.append(col).append(' ').append(op).append(" tostring(").append(var).append('[').append(i).append("])");
                }
                return sb.append(')').toString();
        }
    }

    /** Re-reads the compiled text and refuses it unless it is exactly the original plus the intended lets and filters. */
    private void verify(ParsedQuery original, String text, List<ExclusionDeclaration> active, Map<String, ExclusionValues> values) {
        ParsedQuery compiled = KqlParser.parse(text);
        if (compiled.hasErrors()) {
            KqlDiagnostic first = compiled.diagnostics().get(0);
            throw new ExclusionCompileException("internal error: the query with exclusions does not parse (" + first.code() + " "
                    + first.message() + " at offset " + first.start() + "); refusing to deploy it, please report this");
        }
        int lets = countLets(compiled) - countLets(original);
        int wheres = SyntaxWalker.nodesOfType(compiled.root(), QueryOperator.Where.class).size()
                - SyntaxWalker.nodesOfType(original.root(), QueryOperator.Where.class).size();
        if (lets != active.size() || wheres != active.size()) {
            throw new ExclusionCompileException("internal error: expected " + active.size() + " more let and where, found " + lets
                    + " and " + wheres + "; refusing to deploy, please report this");
        }
        Map<String, Statement.Let> byName = new LinkedHashMap<>();
        for (Statement s : compiled.statements()) {
            if (s instanceof Statement.Let l) byName.put(l.name().simpleName(), l);
        }
        for (ExclusionDeclaration d : active) {
            Statement.Let let = byName.get(d.letName());
            if (let == null) throw new ExclusionCompileException("internal error: no let " + d.letName() + " in the compiled query");
            List<String> found = literalValues(let.value());
            List<String> expected = values.get(d.name()) instanceof ExclusionValues.Literals l ? l.values()
                    : List.of(((ExclusionValues.Watchlist) values.get(d.name())).alias());
            if (!found.equals(expected)) {
                throw new ExclusionCompileException("internal error: the values of " + d.letName()
                        + " do not read back as given; refusing to deploy, please report this");
            }
        }
        BoundQuery before = Binder.bind(original, catalog);
        BoundQuery after = Binder.bind(compiled, catalog);
        Set<String> known = new HashSet<>();
        for (KqlDiagnostic k : before.diagnostics()) known.add(k.code() + " " + k.message());
        for (KqlDiagnostic k : after.diagnostics()) {
            if (k.severity() == dev.sentinelctl.report.Severity.ERROR && !known.contains(k.code() + " " + k.message())) {
                throw new ExclusionCompileException("the query with exclusions does not bind: " + k.code() + " " + k.message()
                        + " (at '" + text.substring(k.start(), Math.min(text.length(), Math.max(k.end(), k.start() + 1))) + "')");
            }
        }
    }

    private static int countLets(ParsedQuery q) {
        int n = 0;
        for (Statement s : q.statements()) {
            if (s instanceof Statement.Let) n++;
        }
        return n;
    }

    /** The decoded string literals of a {@code dynamic([...])} array, or the watchlist alias of a {@code _GetWatchlist} call. */
    static List<String> literalValues(Expr value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Expr.DynamicLiteral dyn && dyn.value() instanceof Json.JArray array) {
            for (Json item : array.values().items()) {
                if (item instanceof Json.JScalar s && s.tokens().size() == 1 && s.tokens().get(0).kind() == TokenKind.STRING_LITERAL) {
                    out.add(StringValues.decode(s.tokens().get(0).text()));
                } else {
                    out.add(null);
                }
            }
            return out;
        }
        for (Expr.FunctionCall call : SyntaxWalker.nodesOfType(value, Expr.FunctionCall.class)) {
            if (call.functionName().equals("_GetWatchlist") && call.arguments().items().size() == 1
                    && call.arguments().items().get(0) instanceof Expr.Literal lit) {
                out.add(lit.value());
            }
        }
        return out;
    }
}
