package dev.sentinelctl.content;

import java.util.ArrayList;
import java.util.List;

/**
 * A watchlist's CSV read as RFC 4180 text (quoted fields, doubled quotes, CRLF or LF), every field with its
 * 1-based line and column so a finding can point at the cell. Never throws: malformed quoting is a {@link Problem}.
 */
public record WatchlistCsv(List<Cell> header, List<Row> rows, List<Problem> problems, long bytes) {

    public record Cell(String text, int line, int column) {}

    public record Row(int line, List<Cell> cells) {}

    public record Problem(int line, int column, String message) {}

    public WatchlistCsv {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public List<String> columnNames() {
        return header.stream().map(c -> c.text().strip()).toList();
    }

    public static WatchlistCsv parse(String text, long bytes) {
        List<List<Cell>> records = new ArrayList<>();
        List<Integer> recordLines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int lineStart = i;
        List<Cell> current = new ArrayList<>();
        int recordLine = line;
        StringBuilder field = new StringBuilder();
        int fieldLine = line;
        int fieldColumn = 1;
        boolean quoted = false;
        boolean inQuotes = false;
        boolean atFieldStart = true;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (atFieldStart) {
                fieldLine = line;
                fieldColumn = i - lineStart + 1;
                atFieldStart = false;
                if (c == '"') {
                    quoted = true;
                    inQuotes = true;
                    i++;
                    continue;
                }
            }
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                    i++;
                    continue;
                }
                if (c == '\n') {
                    line++;
                    lineStart = i + 1;
                }
                field.append(c);
                i++;
                continue;
            }
            if (c == ',') {
                current.add(new Cell(field.toString(), fieldLine, fieldColumn));
                field.setLength(0);
                quoted = false;
                atFieldStart = true;
                i++;
                if (i >= n) current.add(new Cell("", line, i - lineStart + 1));
                continue;
            }
            if (c == '\r' || c == '\n') {
                // a line ending right after a comma ends an empty field that starts here
                current.add(atFieldStart ? new Cell("", line, i - lineStart + 1) : new Cell(field.toString(), fieldLine, fieldColumn));
                field.setLength(0);
                quoted = false;
                atFieldStart = true;
                records.add(current);
                recordLines.add(recordLine);
                current = new ArrayList<>();
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                i++;
                line++;
                lineStart = i;
                recordLine = line;
                continue;
            }
            if (quoted) {
                problems.add(new Problem(line, i - lineStart + 1, "text after the closing quote of a quoted field"));
                quoted = false;
            }
            field.append(c);
            i++;
        }
        if (inQuotes) problems.add(new Problem(fieldLine, fieldColumn, "a quoted field is never closed"));
        if (!atFieldStart || !current.isEmpty()) {
            if (!atFieldStart) current.add(new Cell(field.toString(), fieldLine, fieldColumn));
            records.add(current);
            recordLines.add(recordLine);
        }
        List<Cell> header = List.of();
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
            List<Cell> cells = records.get(r);
            boolean blank = cells.size() == 1 && cells.get(0).text().isBlank();
            if (header.isEmpty()) {
                if (!blank) header = cells;
                continue;
            }
            if (!blank) rows.add(new Row(recordLines.get(r), cells));
        }
        return new WatchlistCsv(header, rows, problems, bytes);
    }
}
