package dev.sentinelctl.deploy.sandbox;

import dev.sentinelctl.content.WatchlistCsv;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A watchlist PUT's {@code rawContent} as the service reads it: {@code numberOfLinesToSkip} lines before the header,
 * then CSV (RFC 4180) or TSV rows; the search key must be a column. Problems are 400s with ARM's error shape.
 */
final class WatchlistRows {
    private WatchlistRows() {
    }

    static List<Map<String, String>> parse(ObjectNode props) {
        String contentType = Fields.requiredString(props, "contentType");
        if (!contentType.equalsIgnoreCase("text/csv") && !contentType.equalsIgnoreCase("text/tsv")) {
            throw ArmException.badRequest("'properties.contentType' must be 'text/csv' or 'text/tsv', not '" + contentType + "'.");
        }
        String raw = props.path("rawContent").asString("");
        if (raw.getBytes(StandardCharsets.UTF_8).length > 3_800_000) {
            throw ArmException.badRequest("'properties.rawContent' is larger than 3.8 MB; upload a large watchlist "
                    + "through Azure Storage instead.");
        }
        int skip = props.path("numberOfLinesToSkip").asInt(0);
        if (skip < 0) throw ArmException.badRequest("'properties.numberOfLinesToSkip' must not be negative.");
        String text = raw;
        for (int i = 0; i < skip; i++) {
            int nl = text.indexOf('\n');
            text = nl < 0 ? "" : text.substring(nl + 1);
        }
        if (contentType.equalsIgnoreCase("text/tsv")) text = text.replace('\t', ','); // TSV values carry no commas here
        WatchlistCsv csv = WatchlistCsv.parse(text, text.length());
        if (!csv.problems().isEmpty()) {
            WatchlistCsv.Problem p = csv.problems().get(0);
            throw ArmException.badRequest("'properties.rawContent' is not valid CSV at line " + (p.line() + skip)
                    + ", column " + p.column() + ": " + p.message());
        }
        List<String> columns = csv.columnNames();
        String key = props.path("itemsSearchKey").asString("");
        if (!columns.contains(key)) {
            throw ArmException.badRequest("'properties.itemsSearchKey' '" + key + "' is not a column of rawContent; "
                    + "the columns are " + columns + ".");
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (WatchlistCsv.Row row : csv.rows()) {
            Map<String, String> item = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                item.put(columns.get(i), i < row.cells().size() ? row.cells().get(i).text() : "");
            }
            out.add(item);
        }
        return out;
    }
}
