package dev.sentinelctl.testing.realengine;

import dev.sentinelctl.kql.eval.ValueFormat;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.kql.syntax.TokenKind;
import dev.sentinelctl.testing.ResultTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Where two engines' answers to one query differ: the columns (names and types, in order), then the rows, as a
 * multiset unless the query ends by sorting ({@code sort}, {@code order}, {@code top} as its last operator), because
 * Kusto guarantees no other order. Values compare by value (a {@code real} 1.0 and 1.00 are one value; null and ""
 * are one value, as Kusto strings cannot be null).
 */
public final class TableDiff {
    private static final int SHOWN = 3;

    private TableDiff() {}

    /** What differs, said for a person; empty when the answers agree. */
    public static Optional<String> between(String query, ResultTable ours, ResultTable theirs) {
        return between(query, ours, theirs, "ours", "theirs");
    }

    /** As {@link #between(String, ResultTable, ResultTable)}, naming the two sides. */
    public static Optional<String> between(String query, ResultTable ours, ResultTable theirs, String oursName, String theirsName) {
        String oursCols = columns(ours.columns());
        String theirCols = columns(theirs.columns());
        if (!oursCols.equals(theirCols)) return Optional.of("columns differ: " + oursName + " (" + oursCols + "), " + theirsName + " (" + theirCols + ")");
        List<String> a = rows(ours);
        List<String> b = rows(theirs);
        if (sorts(query)) {
            if (a.equals(b)) return Optional.empty();
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String x = i < a.size() ? a.get(i) : "(none)";
                String y = i < b.size() ? b.get(i) : "(none)";
                if (!x.equals(y)) {
                    return Optional.of("row " + (i + 1) + " of the sorted result differs: " + oursName + " " + x + ", " + theirsName + " " + y
                            + " (" + a.size() + " rows against " + b.size() + ")");
                }
            }
        }
        Map<String, Integer> count = new HashMap<>();
        a.forEach(r -> count.merge(r, 1, Integer::sum));
        b.forEach(r -> count.merge(r, -1, Integer::sum));
        List<String> onlyOurs = new ArrayList<>();
        List<String> onlyTheirs = new ArrayList<>();
        count.forEach((row, n) -> {
            for (int i = 0; i < Math.abs(n); i++) (n > 0 ? onlyOurs : onlyTheirs).add(row);
        });
        if (onlyOurs.isEmpty() && onlyTheirs.isEmpty()) return Optional.empty();
        onlyOurs.sort(null);
        onlyTheirs.sort(null);
        StringJoiner j = new StringJoiner("; ");
        j.add(a.size() + " rows against " + b.size());
        if (!onlyOurs.isEmpty()) j.add("only " + oursName + ": " + shown(onlyOurs));
        if (!onlyTheirs.isEmpty()) j.add("only " + theirsName + ": " + shown(onlyTheirs));
        return Optional.of("rows differ (" + j + ")");
    }

    /** Whether the query's last operator orders its rows (the last top-level pipe leads to sort/order/top). */
    static boolean sorts(String query) {
        List<Token> tokens = KqlParser.parse(query).tokens();
        for (int i = tokens.size() - 2; i >= 0; i--) {
            if (tokens.get(i).kind() == TokenKind.BAR) {
                String op = tokens.get(i + 1).text();
                return op.equals("sort") || op.equals("order") || op.equals("top");
            }
        }
        return false;
    }

    private static String shown(List<String> rows) {
        String s = String.join(", ", rows.subList(0, Math.min(SHOWN, rows.size())));
        return rows.size() > SHOWN ? s + " and " + (rows.size() - SHOWN) + " more" : s;
    }

    private static String columns(List<Column> cols) {
        StringJoiner j = new StringJoiner(", ");
        for (Column c : cols) j.add(c.name() + ":" + c.type().displayName());
        return j.toString();
    }

    private static List<String> rows(ResultTable t) {
        List<String> out = new ArrayList<>(t.rowCount());
        for (int r = 0; r < t.rowCount(); r++) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (int c = 0; c < t.columns().size(); c++) j.add(cell(t.value(r, c)));
            out.add(j.toString());
        }
        return out;
    }

    private static String cell(Object v) {
        if (v == null || (v instanceof String s && s.isEmpty())) return "null";
        if (v instanceof Double d && !Double.isFinite(d)) return d.toString();
        if (v instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        if (v instanceof String s) return KqlLiterals.string(s);
        return ValueFormat.text(v);
    }
}
