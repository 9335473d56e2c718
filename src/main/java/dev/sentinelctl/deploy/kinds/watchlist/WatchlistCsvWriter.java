package dev.sentinelctl.deploy.kinds.watchlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A watchlist's items as the content's {@code data.csv}: RFC 4180 with LF line ends, the header first, the search-key
 * column first. A field is quoted only when {@link dev.sentinelctl.content.WatchlistCsv} would otherwise read it
 * differently (a comma, a quote, a line break), so the file reads back to exactly the listed values.
 */
final class WatchlistCsvWriter {
    private WatchlistCsvWriter() {
    }

    static String write(String searchKey, Collection<Map<String, String>> rows) {
        Set<String> names = new LinkedHashSet<>();
        if (!searchKey.isEmpty()) names.add(searchKey);
        for (Map<String, String> row : rows) names.addAll(row.keySet());
        List<String> columns = new ArrayList<>(names);
        StringBuilder out = new StringBuilder();
        line(out, columns);
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>(columns.size());
            for (String c : columns) cells.add(row.getOrDefault(c, ""));
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(field(cells.get(i)));
        }
        out.append('\n');
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
