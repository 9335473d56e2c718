package dev.sentinelctl.library;

import java.util.List;

/**
 * A content watchlist's items as its {@code data.csv} holds them: the header, the rows (text, as Sentinel stores
 * every watchlist value) and which column is the search key.
 */
public record WatchlistRows(String alias, String searchKey, List<String> header, List<List<String>> rows) {
    public WatchlistRows {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
