package dev.sentinelctl.deploy.kinds.watchlist;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Watchlist;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.DescribedKind;
import dev.sentinelctl.deploy.kinds.KindFacts;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.kinds.QueryEdges;
import dev.sentinelctl.deploy.kinds.Scope;
import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import dev.sentinelctl.deploy.sandbox.WatchlistItemValidator;
import dev.sentinelctl.deploy.sandbox.WatchlistValidator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Watchlists ({@code Microsoft.SecurityInsights/watchlists/{alias}}, 2025-09-01). A create is one PUT with the CSV
 * inline ({@code rawContent}), a long-running operation waited for until {@code Succeeded}. An update never re-sends
 * the CSV (whether a re-PUT replaces the items is not documented, and a delete-and-recreate would empty a live
 * watchlist that rules read): it compares the items by search key and writes only the rows that changed
 * ({@link WatchlistItems}). The comparable form is the watchlist's own fields plus its items by key, so a portal edit
 * of one item is drift.
 */
public final class WatchlistKind extends DescribedKind implements DeployableKind {
    public static final WatchlistKind INSTANCE = new WatchlistKind();
    private static final SandboxResourceType ITEMS = SandboxResourceType.sentinelChild("watchlistItems",
            new WatchlistItemValidator());
    private static final Ownership OWNERSHIP = new Ownership.SentinelMetadata("Watchlist");
    /** The fields the comparison covers; the rest are the service's (ids, states, timestamps) or the upload's. */
    private static final List<String> COMPARED = List.of("displayName", "description", "provider", "itemsSearchKey", "labels");

    private WatchlistKind() {
        super(new KindFacts(QueryEdges.WATCHLIST, "watchlist", "watchlists", "2025-09-01",
                "newest GA of Microsoft.SecurityInsights; its Watchlists.json has rawContent, contentType, "
                        + "numberOfLinesToSkip and watchlistItems, and marks the create as a long-running operation",
                new Scope.WorkspaceChild("providers/Microsoft.SecurityInsights/watchlists"),
                SandboxResourceType.sentinel("watchlists", new WatchlistValidator(),
                        SandboxResourceType.Trait.ALIAS_FROM_NAME, SandboxResourceType.Trait.ASYNC_PROVISIONING)));
    }








    @Override
    public List<SandboxResourceType> sandboxChildren() {
        return List.of(ITEMS);
    }

    @Override
    public ContentKind contentKind() {
        return ContentKind.WATCHLIST;
    }

    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item) {
        return mapping.watchlist((Watchlist) item);
    }

    @Override
    public Ownership ownership() {
        return OWNERSHIP;
    }

    /**
     * {@code {"properties": {the compared fields}, "items": {key: {column: value}}}}. The desired side has the CSV
     * ({@code rawContent}); the listed side has the items {@link #withDetail} read ({@code properties.watchlistItems}).
     */
    @Override
    public ObjectNode normalise(String armKind, JsonNode properties) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode p = out.putObject("properties");
        for (String f : COMPARED) {
            JsonNode v = properties.get(f);
            if (v == null || v.isNull() || (v.isString() && v.asString().isEmpty()) || (v.isArray() && v.isEmpty())) continue;
            if (v.isArray()) {
                List<String> sorted = new java.util.ArrayList<>();
                v.forEach(x -> sorted.add(x.asString()));
                java.util.Collections.sort(sorted);
                ArrayNode a = p.putArray(f);
                sorted.forEach(a::add);
            } else {
                p.set(f, v.deepCopy());
            }
        }
        ObjectNode items = out.putObject("items");
        WatchlistItems.rows(properties).forEach((key, row) -> {
            ObjectNode o = items.putObject(key);
            new java.util.TreeMap<>(row).forEach(o::put);
        });
        return out;
    }

    /** The items, from their own (paged) list call, as {@code properties.watchlistItems}: GET never returns them. */
    @Override
    public ObjectNode withDetail(ArmRest rest, String resourceId, String apiVersion, ObjectNode listed) {
        ObjectNode copy = listed.deepCopy();
        JsonNode props = copy.get("properties");
        if (!(props instanceof ObjectNode p)) return copy;
        ArrayNode items = p.putArray(WatchlistItems.LISTED);
        rest.list(resourceId + "/watchlistItems", apiVersion).forEach(items::add);
        return copy;
    }

    @Override
    public boolean readsDetail() {
        return true;
    }

    @Override
    public void write(ArmRest rest, String resourceId, String apiVersion, ObjectNode body, boolean create) {
        if (create) {
            rest.putAndWait(resourceId, apiVersion, body);
            return;
        }
        WatchlistItems.update(rest, resourceId, apiVersion, body, this);
    }

    /**
     * Back to the content's watchlist folder: {@code Watchlists/<alias>/watchlist.yaml} with the watchlist's own fields
     * and {@code data.csv} with its items (read by {@link #withDetail}), the search-key column first, then the other
     * columns in the order the items first name them, the rows sorted by search key (the service lists items in
     * no documented order, and a re-export should not reorder the file).
     */
    @Override
    public Exported export(ObjectNode listed, Optional<String> version) {
        String alias = nameInList(listed);
        JsonNode p = listed.path("properties");
        ObjectNode y = JsonNodeFactory.instance.objectNode();
        y.put("alias", alias);
        y.put("displayName", text(p, "displayName", alias));
        String description = text(p, "description", "");
        if (!description.isEmpty()) y.put("description", description);
        y.put("provider", text(p, "provider", "Custom"));
        String key = text(p, "itemsSearchKey", "");
        y.put("itemsSearchKey", key);
        if (p.path("labels").isArray() && !p.path("labels").isEmpty()) {
            ArrayNode labels = y.putArray("labels");
            p.path("labels").forEach(l -> labels.add(l.asString("")));
        }
        String yaml = dev.sentinelctl.arm.YamlWriter.writeChecked(y);
        return new AsFolder("Watchlists", alias, Map.of("watchlist.yaml", yaml,
                dev.sentinelctl.content.Watchlist.CSV_FILE, WatchlistCsvWriter.write(key, new java.util.TreeMap<>(WatchlistItems.rows(p)).values())));
    }

    private static String text(JsonNode p, String field, String fallback) {
        String v = p.path(field).asString("");
        return v.isEmpty() ? fallback : v;
    }

    /** The comparable form of the watchlist's own fields only (an update PUTs them only when they differ). */
    ObjectNode ownFields(JsonNode properties) {
        ObjectNode n = normalise(null, properties);
        return (ObjectNode) n.get("properties");
    }

    static Map<String, Map<String, String>> rowsOf(JsonNode properties) {
        return WatchlistItems.rows(properties);
    }
}
