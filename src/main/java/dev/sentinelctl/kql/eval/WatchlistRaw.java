package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * {@code _ASIM_GetWatchlistRaw(alias [, keys])}, the ASIM helper that reads the {@code Watchlist} table directly:
 * one row per live item with {@code _DTItemId, LastUpdatedTimeUTC, SearchKey, WatchlistItem} (the item's columns as a
 * bag), restricted to {@code SearchKey in (keys)} when keys is a non-empty array. It is served from the same fixture
 * as {@code _GetWatchlist('alias')} (SearchKey plus the CSV columns): the bag is rebuilt from the CSV columns, and the
 * item id and update time are the fixture's own columns of those names when it has them, empty otherwise.
 */
final class WatchlistRaw {

    static final List<Column> COLUMNS = List.of(
            new Column("_DTItemId", ScalarType.STRING),
            new Column("LastUpdatedTimeUTC", ScalarType.DATETIME),
            new Column("SearchKey", ScalarType.STRING),
            new Column("WatchlistItem", ScalarType.DYNAMIC));

    /** Columns of a _GetWatchlist fixture that are Sentinel's bookkeeping, not the CSV's. */
    private static final Set<String> NOT_ITEM = Set.of("_DTItemId", "LastUpdatedTimeUTC", "SearchKey", "WatchlistItem", "name");

    private WatchlistRaw() {
    }

    /** The raw rows of the given watchlists' fixtures (absent ones contribute nothing), in the given order. */
    static Table of(List<Table> watchlists, Set<String> keys) {
        List<Vec.Builder> out = COLUMNS.stream().map(c -> Vec.builder((ScalarType) c.type(), 8)).toList();
        int n = 0;
        for (Table w : watchlists) {
            int id = w.columnIndex("_DTItemId"), updated = w.columnIndex("LastUpdatedTimeUTC");
            int key = w.columnIndex("SearchKey"), item = w.columnIndex("WatchlistItem");
            for (int r = 0; r < w.rowCount(); r++) {
                String searchKey = key < 0 ? "" : Values.toStr(w.type(key), w.vec(key).get(r));
                if (!keys.isEmpty() && !keys.contains(searchKey)) continue;
                out.get(0).add(id < 0 ? "" : Values.toStr(w.type(id), w.vec(id).get(r)));
                out.get(1).add(updated >= 0 && w.type(updated) == ScalarType.DATETIME ? w.vec(updated).get(r) : null);
                out.get(2).add(searchKey);
                out.get(3).add(item >= 0 && w.type(item) == ScalarType.DYNAMIC ? w.vec(item).get(r) : bag(w, r));
                n++;
            }
        }
        return Table.of("_ASIM_GetWatchlistRaw", COLUMNS, out.stream().map(Vec.Builder::build).toList(), n);
    }

    /** The elements of a dynamic array as text (a scalar counts as a one-element array; null as none). */
    static List<String> strings(Object dynamic) {
        List<String> out = new java.util.ArrayList<>();
        if (!(dynamic instanceof tools.jackson.databind.JsonNode j) || j.isNull()) return out;
        if (j.isArray()) {
            for (tools.jackson.databind.JsonNode el : j) if (!el.isNull()) out.add(Values.toStr(ScalarType.DYNAMIC, el));
        } else {
            out.add(Values.toStr(ScalarType.DYNAMIC, j));
        }
        return out;
    }

    private static ObjectNode bag(Table w, int row) {
        ObjectNode o = Values.object();
        for (int c = 0; c < w.columns().size(); c++) {
            String name = w.columns().get(c).name();
            if (NOT_ITEM.contains(name)) continue;
            o.set(name, Values.toJson(w.type(c), w.vec(c).get(row)));
        }
        return o;
    }
}
