package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.kql.semantic.TypeNames;
import dev.sentinelctl.report.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CSV files in a user schema folder: a {@code table_name,column_name,column_type} file defines tables;
 * any other CSV is a watchlist (named after the file) whose header row lists its columns, all string,
 * because that is what a watchlist upload gives Sentinel.
 */
public final class UserCsv {

    /** Receives a problem at a 1-based line and column. */
    public interface Problems {
        void report(Severity severity, int line, int column, String message);
    }

    private UserCsv() {
    }

    public static void read(String text, String fileStem, TableMerger tables, Map<String, TableSchema> watchlists,
                            Problems problems, String source) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNo++;
            if (line.isBlank()) continue;
            rows.add(split(line));
            lineNumbers.add(lineNo);
        }
        if (rows.isEmpty()) {
            problems.report(Severity.ERROR, 1, 1, "empty CSV file: expected a header row");
            return;
        }
        List<String> header = new ArrayList<>();
        for (String h : rows.get(0)) header.add(h.strip().toLowerCase(Locale.ROOT));
        int ti = header.indexOf("table_name");
        int ci = header.indexOf("column_name");
        int yi = header.indexOf("column_type");
        if (ti < 0 || ci < 0 || yi < 0) {
            List<Column> cols = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String h : rows.get(0)) {
                String name = h.strip();
                if (name.isEmpty() || !seen.add(name)) continue;
                cols.add(new Column(name, ScalarType.STRING));
            }
            watchlists.put(fileStem, new TableSchema(fileStem, cols));
            return;
        }
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] r = rows.get(i);
            int max = Math.max(ti, Math.max(ci, yi));
            if (r.length <= max) {
                problems.report(Severity.ERROR, lineNumbers.get(i), 1, "expected at least " + (max + 1) + " fields, found " + r.length);
                continue;
            }
            TypeNames.Parsed t = TypeNames.parse(r[yi]);
            if (!t.recognised()) {
                problems.report(Severity.WARNING, lineNumbers.get(i), 1, "unknown type '" + r[yi].strip() + "' for " + r[ti].strip() + "."
                        + r[ci].strip() + "; using dynamic");
            }
            byTable.computeIfAbsent(r[ti].strip(), k -> new ArrayList<>()).add(new Column(r[ci].strip(), t.type()));
        }
        byTable.forEach((t, cols) -> tables.add(t, cols, source));
    }

    /** One CSV line: quoted fields with doubled quotes; no newlines inside quotes (schema files have none). */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out.toArray(new String[0]);
    }
}
