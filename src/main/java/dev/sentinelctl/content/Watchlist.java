package dev.sentinelctl.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A watchlist kept as a folder: the metadata file ({@code watchlist.yaml}, or Sentinel-As-Code's
 * {@code watchlist.json}) and the items as {@code data.csv} next to it. Queries reach it through
 * {@code _GetWatchlist('alias')}. It is a {@link ContentItem} for deployment only (id = alias, an empty query): the
 * checks do not treat it as a query item ({@link ContentKind#isQueryItem()}).
 *
 * @param columnTypes declared Kusto types of CSV columns ({@code columns:} in the metadata), by column name;
 *                    undeclared columns are strings, as Sentinel types them
 * @param csv         the CSV file (which may not exist: the checks report that)
 */
public record Watchlist(String alias, String displayName, String description, String provider, String itemsSearchKey,
                        List<String> labels, Map<String, String> columnTypes, Path csv, YamlDocument document)
        implements QuerylessItem {

    /** The fixed name of the items file in a watchlist folder (Sentinel-As-Code's convention). */
    public static final String CSV_FILE = "data.csv";

    public Watchlist {
        labels = List.copyOf(labels);
        columnTypes = Map.copyOf(columnTypes);
    }

    /** True for the metadata file names a watchlist folder uses. */
    public static boolean isMetadataFile(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        return n.equals("watchlist.yaml") || n.equals("watchlist.yml") || n.equals("watchlist.json");
    }

    @Override
    public ContentKind kind() {
        return ContentKind.WATCHLIST;
    }

    /** The alias: the resource name and what {@code _GetWatchlist} takes. */
    @Override
    public String id() {
        return alias;
    }

    @Override
    public String name() {
        return displayName;
    }






    @Override
    public String version() {
        return "";
    }
}
