package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parse-kv Text as (k:type, ...) with (...)} (parse-kv-operator.md): with {@code pair_delimiter} and
 * {@code kv_delimiter} (optionally {@code quote}, {@code escape}, {@code greedy}), or with {@code regex} whose two
 * groups are key and value. Each declared key becomes a column of its type (absent: empty/null). Without a
 * {@code with} clause Kusto guesses the delimiters; the engine refuses that form.
 */
final class ParseKvOperator implements TabularOperator<QueryOperator.ParseKv> {

    @Override
    public Class<QueryOperator.ParseKv> syntax() {
        return QueryOperator.ParseKv.class;
    }

    @Override
    public Table apply(QueryOperator.ParseKv op, Table input, Evaluator evaluator, Scope scope) {
        Table in = Operators.requireInput(input, op);
        if (op.with() == null) throw EvalException.unsupported("parse-kv without a with (...) clause (delimiter guessing)", op);
        Map<String, String> props = new HashMap<>();
        ExprCompiler constants = new ExprCompiler(evaluator, null, scope);
        for (Expr p : op.with().properties().items()) {
            if (!(p instanceof Expr.Named n) || !(n.target() instanceof Name nm)) throw EvalException.bind("parse-kv options are name=value", p);
            Ev v = constants.compile(n.value());
            props.put(nm.simpleName(), Values.toStr(v.type(), v.eval(0)));
        }
        List<Column> cols = DataTables.schema(op.columns());
        Ev text = ExprCompiler.str(new ExprCompiler(evaluator, in, scope).compile(op.input()));
        Pattern regex = props.containsKey("regex") ? Regexes.compile(props.get("regex"), op.with()) : null;
        String pair = props.get("pair_delimiter"), kv = props.get("kv_delimiter");
        if (regex == null && (pair == null || kv == null || pair.isEmpty() || kv.isEmpty())) {
            throw EvalException.unsupported("parse-kv without pair_delimiter and kv_delimiter (or regex)", op.with());
        }
        String quote = props.getOrDefault("quote", "");
        String escape = props.getOrDefault("escape", "");
        boolean greedy = "true".equalsIgnoreCase(props.getOrDefault("greedy", "false"));
        List<Vec.Builder> bs = new ArrayList<>();
        for (Column c : cols) bs.add(Vec.builder((ScalarType) c.type(), in.rowCount()));
        for (int r = 0; r < in.rowCount(); r++) {
            String s = (String) text.eval(r);
            Map<String, String> found = regex != null ? byRegex(regex, s) : split(s, pair, kv, quote, escape, greedy);
            for (int i = 0; i < cols.size(); i++) {
                String v = found.get(cols.get(i).name());
                ScalarType t = (ScalarType) cols.get(i).type();
                bs.get(i).add(v == null ? null : Convert.to(t, ScalarType.STRING, v));
            }
        }
        Table t = in;
        for (int i = 0; i < cols.size(); i++) t = Tables.withColumn(t, cols.get(i).name(), bs.get(i).build());
        return t;
    }

    private static Map<String, String> byRegex(Pattern p, String s) {
        Map<String, String> out = new HashMap<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            if (m.groupCount() >= 2 && m.group(1) != null) out.putIfAbsent(m.group(1).trim(), m.group(2) == null ? "" : m.group(2));
        }
        return out;
    }

    /** Tokens split at the pair delimiter outside quotes; each token's key ends at the first kv delimiter. */
    private static Map<String, String> split(String s, String pair, String kv, String quote, String escape, boolean greedy) {
        char open = quote.isEmpty() ? 0 : quote.charAt(0), close = quote.isEmpty() ? 0 : quote.charAt(quote.length() - 1);
        char esc = escape.isEmpty() ? 0 : escape.charAt(0);
        List<String> tokens = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && esc != 0 && c == esc && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
            } else if (!quoted && open != 0 && c == open) {
                quoted = true;
                cur.append('\u0000');
            } else if (quoted && c == close) {
                quoted = false;
                cur.append('\u0000');
            } else if (!quoted && s.startsWith(pair, i)) {
                tokens.add(cur.toString());
                cur.setLength(0);
                i += pair.length() - 1;
            } else {
                cur.append(c);
            }
        }
        tokens.add(cur.toString());
        Map<String, String> out = new HashMap<>();
        String lastKey = null;
        for (String tok : tokens) {
            int at = kvPosition(tok, kv);
            if (at < 0) {
                // greedy: a token without a key continues the previous value
                if (greedy && lastKey != null) out.put(lastKey, out.get(lastKey) + pair + unquote(tok));
                continue;
            }
            String key = unquote(tok.substring(0, at)).trim();
            String value = unquote(tok.substring(at + kv.length()));
            if (!out.containsKey(key)) out.put(key, value.trim());
            lastKey = key;
        }
        return out;
    }

    private static int kvPosition(String tok, String kv) {
        boolean quoted = false;
        for (int i = 0; i < tok.length(); i++) {
            if (tok.charAt(i) == '\u0000') quoted = !quoted;
            else if (!quoted && tok.startsWith(kv, i)) return i;
        }
        return -1;
    }

    private static String unquote(String s) {
        return s.replace("\u0000", "");
    }
}
