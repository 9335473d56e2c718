package dev.sentinelctl.testing;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.library.WatchlistRows;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A content watchlist as {@code _GetWatchlist('alias')} returns it in a workspace: {@code SearchKey} (the value of
 * the search-key column), {@code WatchlistItem} (the row as a bag), each CSV column as text. {@code _DTItemId} and
 * {@code LastUpdatedTimeUTC} are assigned by the service when the items are written, so they are null here; a rule
 * that reads them gives them in a watchlist fixture. Every engine reads the same table: the in-process engine
 * directly, a real engine as the datatable {@code InlinedQuery} declares for it.
 */
public final class ContentWatchlists {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContentWatchlists() {}

    public static FixtureTable table(WatchlistRows rows, Catalog catalog) {
        List<Column> columns = catalog.watchlistRows(rows.alias()).columns();
        List<Object[]> out = new ArrayList<>();
        int key = rows.header().indexOf(rows.searchKey());
        for (List<String> row : rows.rows()) {
            ObjectNode item = JSON.createObjectNode();
            for (int i = 0; i < rows.header().size(); i++) item.put(rows.header().get(i), i < row.size() ? row.get(i) : "");
            Object[] values = new Object[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c).name();
                int at = rows.header().indexOf(name);
                values[c] = switch (name) {
                    case "SearchKey" -> key >= 0 && key < row.size() ? row.get(key) : null;
                    case "WatchlistItem" -> item;
                    default -> at >= 0 && at < row.size() ? row.get(at) : null;
                };
            }
            out.add(values);
        }
        return new FixtureTable("_GetWatchlist('" + rows.alias() + "')", columns, out);
    }
}
