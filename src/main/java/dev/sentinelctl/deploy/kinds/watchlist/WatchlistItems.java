package dev.sentinelctl.deploy.kinds.watchlist;

import dev.sentinelctl.content.WatchlistCsv;
import dev.sentinelctl.deploy.ArmRest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A watchlist's rows by search-key value, from either side, and the item-level update (Microsoft's own updater in
 * Azure-Sentinel's {@code Watchlists/UpdateCloudIPs} diffs items the same way): list the items, PUT each row whose
 * values changed (under the id the service gave it) or that is new (under an id derived from alias and key, so a
 * retried PUT lands on the same item), DELETE each item whose key left the CSV. One changed row is one write.
 */
final class WatchlistItems {
    /** Where {@link WatchlistKind#withDetail} puts the listed items inside the listed properties. */
    static final String LISTED = "watchlistItems";

    private WatchlistItems() {
    }

    /** Rows by key: from {@code rawContent} (desired) or from listed items (actual); a key's last row wins. */
    static Map<String, Map<String, String>> rows(JsonNode properties) {
        String key = properties.path("itemsSearchKey").asString("");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (properties.hasNonNull("rawContent")) {
            String text = properties.path("rawContent").asString("");
            int skip = properties.path("numberOfLinesToSkip").asInt(0);
            for (int i = 0; i < skip; i++) {
                int nl = text.indexOf('\n');
                text = nl < 0 ? "" : text.substring(nl + 1);
            }
            WatchlistCsv csv = WatchlistCsv.parse(text, text.getBytes(StandardCharsets.UTF_8).length);
            List<String> columns = csv.columnNames();
            for (WatchlistCsv.Row row : csv.rows()) {
                Map<String, String> r = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) r.put(columns.get(i), i < row.cells().size() ? row.cells().get(i).text() : "");
                out.put(r.getOrDefault(key, ""), r);
            }
            return out;
        }
        for (JsonNode item : properties.path(LISTED)) {
            Map<String, String> r = values(item);
            out.put(r.getOrDefault(key, ""), r);
        }
        return out;
    }

    private static Map<String, String> values(JsonNode item) {
        Map<String, String> r = new LinkedHashMap<>();
        item.path("properties").path("itemsKeyValue").properties().forEach(e -> r.put(e.getKey(), e.getValue().asString("")));
        return r;
    }

    /** The id a new row's item gets: stable for alias and key, so reruns and retries address the same item. */
    static String itemId(String alias, String key) {
        return UUID.nameUUIDFromBytes(("watchlist-item|" + alias.toLowerCase(Locale.ROOT) + "|" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static void update(ArmRest rest, String resourceId, String apiVersion, ObjectNode body, WatchlistKind kind) {
        JsonNode want = body.path("properties");
        String alias = resourceId.substring(resourceId.lastIndexOf('/') + 1);
        ObjectNode current = rest.get(resourceId, apiVersion).orElseThrow(() -> new dev.sentinelctl.deploy.ArmCallException(
                404, "NotFound", "watchlist " + alias + " was deleted after the plan was made; run plan again", null));
        if (!kind.ownFields(current.path("properties")).equals(kind.ownFields(want))) {
            ObjectNode own = body.deepCopy();
            ObjectNode p = (ObjectNode) own.get("properties");
            // The items are written one by one below; re-sending the CSV could replace (empty, then refill) them.
            p.remove(List.of("rawContent", "contentType", "numberOfLinesToSkip"));
            rest.put(resourceId, apiVersion, own);
        }
        String key = want.path("itemsSearchKey").asString("");
        Map<String, Map<String, String>> desired = rows(want);
        Map<String, List<ObjectNode>> existing = new LinkedHashMap<>();
        for (ObjectNode item : rest.list(resourceId + "/watchlistItems", apiVersion)) {
            existing.computeIfAbsent(values(item).getOrDefault(key, ""), k -> new ArrayList<>()).add(item);
        }
        for (var e : desired.entrySet()) {
            List<ObjectNode> have = existing.getOrDefault(e.getKey(), List.of());
            if (!have.isEmpty() && values(have.get(0)).equals(e.getValue())) continue;
            String id = have.isEmpty() ? itemId(alias, e.getKey()) : have.get(0).path("name").asString();
            ObjectNode item = JsonNodeFactory.instance.objectNode();
            ObjectNode kv = item.putObject("properties").putObject("itemsKeyValue");
            e.getValue().forEach(kv::put);
            rest.put(resourceId + "/watchlistItems/" + id, apiVersion, item);
        }
        for (var e : existing.entrySet()) {
            List<ObjectNode> have = e.getValue();
            // A key that left the CSV loses all its items; a key held twice keeps the first.
            int keep = desired.containsKey(e.getKey()) ? 1 : 0;
            for (int i = keep; i < have.size(); i++) {
                rest.delete(resourceId + "/watchlistItems/" + have.get(i).path("name").asString(), apiVersion);
            }
        }
    }
}
