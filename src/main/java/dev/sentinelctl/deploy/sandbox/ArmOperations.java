package dev.sentinelctl.deploy.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resource semantics: validation, etags, create-versus-update statuses, paging and workspace existence.
 * All methods are synchronized so an etag check and the write it guards are one step.
 *
 * <p>Etag rules (the real service's stale-etag answer is not documented; these are the sandbox's decisions):
 * <ul>
 *   <li>{@code etag} in the body, as the SDK sends it: must match the stored etag, else 409 {@code Conflict};
 *       a specific etag for a resource that does not exist is also 409. {@code "*"} matches anything.</li>
 *   <li>{@code If-Match} header: must match, else 412 {@code PreconditionFailed}; {@code If-None-Match: *} on an
 *       existing resource is 412 too.</li>
 *   <li>Saved searches only: overwriting an existing one needs its etag or {@code "*"} (409 otherwise), as the
 *       Log Analytics REST reference says.</li>
 * </ul>
 *
 * <p>Workspaces: with none declared, every workspace exists (a rehearsal needs no setup) and is recorded on first
 * write. With declared workspaces ({@code --workspace}), only those and the ones created by
 * {@code PUT .../workspaces/{ws}} exist; others answer 404 {@code ResourceNotFound}, as ARM does.
 */
final class ArmOperations {
    private static final String PRINCIPAL = "sentinelctl-sandbox";

    private final ResourceStore store = new ResourceStore();
    private final WorkspaceTables tables;
    private final SandboxKql kql = new SandboxKql();
    private final EtagSource etags = new EtagSource();
    private final boolean strictWorkspaces;
    private final Clock clock;
    private final Runnable onChange;

    /**
     * @param declared workspaces that exist; when empty, every workspace exists (implicit mode)
     * @param onChange called after every successful write, e.g. to schedule persistence
     */
    ArmOperations(Collection<WorkspaceRef> declared, Clock clock, Runnable onChange) {
        this(declared, clock, onChange, new WorkspaceTables(CatalogTables::names));
    }

    /** @param tables the workspaces' Log Analytics tables (list and query endpoints) */
    ArmOperations(Collection<WorkspaceRef> declared, Clock clock, Runnable onChange, WorkspaceTables tables) {
        this.tables = tables;
        this.strictWorkspaces = !declared.isEmpty();
        declared.forEach(store::addWorkspace);
        this.clock = clock;
        this.onChange = onChange;
    }

    synchronized ArmResult get(ArmPath path) {
        requireWorkspace(path.workspace());
        requireParent(path);
        ResourceStore.Stored stored = store.get(path);
        if (stored == null) {
            throw notFound(path);
        }
        return ArmResult.of(200, stored.body());
    }

    /** @param nextLink builds the absolute nextLink URL from a skip token */
    synchronized ArmResult list(ArmPath collection, String skipToken, int pageSize, Function<String, String> nextLink) {
        return list(collection, skipToken, pageSize, nextLink, Query.parse(null));
    }

    /** @param query the request's query: a {@link SandboxResourceType.Trait#CATEGORY_LIST} type reads its filters */
    synchronized ArmResult list(ArmPath collection, String skipToken, int pageSize, Function<String, String> nextLink,
            Query query) {
        requireWorkspace(collection.workspace());
        requireParent(collection);
        boolean byCategory = collection.kind().has(SandboxResourceType.Trait.CATEGORY_LIST);
        String category = query.get("category");
        if (byCategory && (category == null || category.isBlank())) {
            throw new ArmException(400, "MissingRequiredQueryParameter", "The query parameter 'category' is required "
                    + "to list " + collection.kind().armType() + " (workbook, sentinel, TSG, performance, retention).");
        }
        boolean content = "true".equalsIgnoreCase(query.get("canFetchContent"));
        int limit = collection.kind().paged() ? pageSize : Integer.MAX_VALUE;
        ResourceStore.Page page = store.list(collection, skipToken, limit);
        ObjectNode out = SandboxJson.object();
        ArrayNode value = out.putArray("value");
        for (ResourceStore.Stored s : page.items()) {
            if (!byCategory) {
                value.add(s.body());
                continue;
            }
            if (!category.equalsIgnoreCase(s.body().path("properties").path("category").asString(""))) continue;
            ObjectNode listed = s.body().deepCopy();
            if (!content && listed.get("properties") instanceof ObjectNode p) p.remove("serializedData");
            value.add(listed);
        }
        if (page.more()) {
            out.put("nextLink", nextLink.apply(page.lastKey()));
        }
        return ArmResult.of(200, out);
    }

    synchronized ArmResult put(ArmPath path, ObjectNode body, Preconditions pre) {
        requireWorkspace(path.workspace());
        requireParent(path);
        ResourceStore.Stored existing = store.get(path);
        checkPreconditions(path, existing, body.path("etag").asString(null), pre);
        path.kind().validator().validate(body, existing == null ? null : existing.body(), view(path.workspace()));
        ObjectNode props = Fields.properties(body).deepCopy();
        if (path.kind().has(SandboxResourceType.Trait.ASYNC_PROVISIONING) && props.hasNonNull("rawContent")) {
            return provision(path, existing, body, props);
        }
        if (path.kind().has(SandboxResourceType.Trait.CHILD)) props.put("watchlistItemId", path.name());
        if (path.kind().has(SandboxResourceType.Trait.ASYNC_PROVISIONING)) {
            // Without rawContent only the watchlist's own fields change; its items and state stay.
            keepServerFields(existing, props);
        }
        ObjectNode stored = buildBody(path, existing, body, props);
        store.put(new ResourceStore.Stored(storedPath(path, existing), stored));
        onChange.run();
        return ArmResult.of(existing == null ? path.kind().createdStatus() : 200, stored);
    }

    /** A long-running operation: its resource, the items it adds when it succeeds, how often it was polled. */
    private static final class Operation {
        final ArmPath path;
        final List<java.util.Map<String, String>> rows;
        int polls;
        boolean done;

        Operation(ArmPath path, List<java.util.Map<String, String>> rows, boolean done) {
            this.path = path;
            this.rows = rows;
            this.done = done;
        }
    }

    private final java.util.Map<String, Operation> operations = new java.util.HashMap<>();

    /**
     * A PUT with {@code rawContent}: the rows are parsed now (a bad CSV or a search key that is no column is 400 at
     * once, as the service validates before accepting), the watchlist is stored {@code InProgress} without
     * {@code rawContent} (GET never returns it) and its items appear when the operation is polled to
     * {@code Succeeded}. A re-PUT with rawContent replaces every item.
     */
    private ArmResult provision(ArmPath path, ResourceStore.Stored existing, ObjectNode request, ObjectNode props) {
        List<java.util.Map<String, String>> rows = WatchlistRows.parse(props);
        props.remove("rawContent");
        props.put("provisioningState", "InProgress");
        props.put("uploadStatus", "InProgress");
        props.put("watchlistId", existing == null ? java.util.UUID.randomUUID().toString()
                : existing.body().path("properties").path("watchlistId").asString(java.util.UUID.randomUUID().toString()));
        ObjectNode stored = buildBody(path, existing, request, props);
        ArmPath at = storedPath(path, existing);
        store.put(new ResourceStore.Stored(at, stored));
        store.removeChildren(at, itemsType());
        String id = java.util.UUID.randomUUID().toString();
        operations.put(id, new Operation(at, rows, false));
        onChange.run();
        return ArmResult.of(existing == null ? path.kind().createdStatus() : 200, stored)
                .withHeader("Azure-AsyncOperation", operationPath(path.workspace(), id, false) + "?api-version=2025-09-01");
    }

    /**
     * {@code GET .../operationStatuses/{id}}: the first poll answers InProgress, the next Succeeded (and the items
     * appear, the watchlist turns Succeeded). {@code .../operationResults/{id}} (a delete's Location): 200 once done.
     */
    synchronized ArmResult operation(ArmPath.Operation ref) {
        Operation op = operations.get(ref.id());
        if (op == null) {
            throw new ArmException(404, "NotFound", "The operation '" + ref.id() + "' was not found.");
        }
        if (!op.done && op.polls++ >= 1) {
            op.done = true;
            ResourceStore.Stored w = store.get(op.path);
            if (w != null) {
                ObjectNode body = w.body().deepCopy();
                ((ObjectNode) body.get("properties")).put("provisioningState", "Succeeded").put("uploadStatus", "Complete");
                store.put(new ResourceStore.Stored(w.path(), body));
                for (java.util.Map<String, String> row : op.rows) {
                    String itemId = java.util.UUID.randomUUID().toString();
                    ArmPath item = new ArmPath(op.path.workspace(), itemsType(), itemId, op.path);
                    ObjectNode ip = SandboxJson.object();
                    ObjectNode kv = ip.putObject("itemsKeyValue");
                    row.forEach(kv::put);
                    ip.put("watchlistItemId", itemId);
                    store.put(new ResourceStore.Stored(item, buildBody(item, null, SandboxJson.object(), ip)));
                }
            }
            onChange.run();
        }
        if (ref.result()) return op.done ? ArmResult.of(200, SandboxJson.object()) : ArmResult.empty(202);
        ObjectNode out = SandboxJson.object();
        out.put("id", operationPath(op.path.workspace(), ref.id(), false));
        out.put("name", ref.id());
        out.put("status", op.done ? "Succeeded" : "InProgress");
        return ArmResult.of(200, out);
    }

    private static String operationPath(WorkspaceRef ws, String id, boolean result) {
        return "/subscriptions/" + ws.subscriptionId() + "/providers/Microsoft.SecurityInsights/"
                + (result ? "operationResults/" : "operationStatuses/") + id;
    }

    private static SandboxResourceType itemsType() {
        for (SandboxResourceType t : Served.TYPES) if (t.has(SandboxResourceType.Trait.CHILD)) return t;
        throw new IllegalStateException("no child type is served");
    }

    private static void keepServerFields(ResourceStore.Stored existing, ObjectNode props) {
        props.remove("rawContent");
        JsonNode old = existing == null ? null : existing.body().get("properties");
        for (String f : List.of("provisioningState", "uploadStatus", "watchlistId")) {
            if (old != null && old.has(f)) props.set(f, old.get(f));
        }
        if (!props.has("provisioningState")) props.put("provisioningState", "Succeeded");
        if (!props.has("watchlistId")) props.put("watchlistId", java.util.UUID.randomUUID().toString());
    }

    private void requireParent(ArmPath path) {
        if (path.parent() != null && store.get(path.parent()) == null) {
            throw new ArmException(404, "NotFound", "The " + path.parent().kind().armType() + " resource '"
                    + path.parent().name() + "' was not found in workspace '" + path.workspace().workspace() + "'.");
        }
    }

    /** PATCH merges top-level properties into the stored resource (the SDK's metadata update().apply()). */
    synchronized ArmResult patch(ArmPath path, ObjectNode body, Preconditions pre) {
        if (!path.kind().has(SandboxResourceType.Trait.PATCHABLE)) {
            throw new ArmException(405, "MethodNotAllowed", "PATCH is supported for metadata only; use PUT for "
                    + path.kind().typeName() + ".");
        }
        requireWorkspace(path.workspace());
        ResourceStore.Stored existing = store.get(path);
        if (existing == null) {
            throw notFound(path);
        }
        checkPreconditions(path, existing, body.path("etag").asString(null), pre);
        ObjectNode merged = existing.body().deepCopy();
        ObjectNode props = (ObjectNode) merged.get("properties");
        JsonNode patch = body.get("properties");
        if (patch instanceof ObjectNode patchProps) {
            patchProps.properties().forEach(e -> props.set(e.getKey(), e.getValue()));
        }
        path.kind().validator().validate(merged, existing.body(), view(path.workspace()));
        ObjectNode stored = buildBody(path, existing, merged, props);
        store.put(new ResourceStore.Stored(existing.path(), stored));
        onChange.run();
        return ArmResult.of(200, stored);
    }

    /** The workspace as a validator sees it (called under this object's lock). */
    private PayloadValidator.WorkspaceView view(WorkspaceRef ws) {
        return new PayloadValidator.WorkspaceView() {
            @Override
            public String resourceId() {
                return ws.resourceId();
            }

            @Override
            public boolean has(String typeName, String name) {
                return store.has(ws, typeName, name);
            }
        };
    }

    synchronized ArmResult delete(ArmPath path) {
        requireWorkspace(path.workspace());
        ResourceStore.Stored removed = store.remove(path);
        if (removed == null) {
            return ArmResult.empty(path.kind().deleteMissingStatus());
        }
        onChange.run();
        if (path.kind().has(SandboxResourceType.Trait.ASYNC_PROVISIONING)) {
            store.removeChildren(removed.path(), itemsType());
            String id = java.util.UUID.randomUUID().toString();
            operations.put(id, new Operation(removed.path(), List.of(), true));
            return ArmResult.empty(202)
                    .withHeader("Location", operationPath(path.workspace(), id, true) + "?api-version=2025-09-01")
                    .withHeader("Azure-AsyncOperation", operationPath(path.workspace(), id, false) + "?api-version=2025-09-01");
        }
        return ArmResult.empty(200);
    }

    /** GET of a workspace: a minimal Log Analytics workspace body, enough for existence checks. */
    synchronized ArmResult getWorkspace(WorkspaceRef ws) {
        requireWorkspace(ws);
        return ArmResult.of(200, workspaceBody(ws, "local"));
    }

    /** PUT of a workspace registers it (explicit creation); it answers Succeeded at once, so the SDK's poller ends. */
    synchronized ArmResult putWorkspace(WorkspaceRef ws, ObjectNode body) {
        String location = body.path("location").asString("");
        if (location.isBlank()) {
            throw ArmException.badRequest("The 'location' property is required, e.g. \"westeurope\".");
        }
        boolean existed = store.hasWorkspace(ws);
        store.addWorkspace(ws);
        onChange.run();
        return ArmResult.of(existed ? 200 : 201, workspaceBody(ws, location));
    }

    private static ObjectNode workspaceBody(WorkspaceRef ws, String location) {
        ObjectNode out = SandboxJson.object();
        out.put("id", ws.resourceId());
        out.put("name", ws.workspace());
        out.put("type", "Microsoft.OperationalInsights/workspaces");
        out.put("location", location);
        ObjectNode props = out.putObject("properties");
        props.put("customerId", java.util.UUID.nameUUIDFromBytes(ws.key().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString());
        props.put("provisioningState", "Succeeded");
        props.putObject("sku").put("name", "PerGB2018");
        props.put("retentionInDays", 30);
        return out;
    }

    /**
     * {@code GET .../workspaces/{ws}/tables}: every table, not paged (the service sends them all in one answer).
     * Bodies carry what the 2022-10-01 schema has for the table itself; the column lists are left out.
     */
    synchronized ArmResult listTables(WorkspaceRef ws) {
        requireWorkspace(ws);
        ObjectNode out = SandboxJson.object();
        ArrayNode value = out.putArray("value");
        tables.of(ws).keySet().forEach(name -> value.add(tableBody(ws, name)));
        return ArmResult.of(200, out);
    }

    synchronized ArmResult getTable(WorkspaceRef ws, String name) {
        requireWorkspace(ws);
        if (!tables.of(ws).containsKey(name)) {
            throw new ArmException(404, "ResourceNotFound", "The table '" + name + "' was not found in workspace '"
                    + ws.workspace() + "'.");
        }
        return ArmResult.of(200, tableBody(ws, name));
    }

    /**
     * {@code POST .../workspaces/{ws}/api/query}: preflight's recency query as {@link LogQuery} answers it from the
     * tables' states; any other query on sentinelctl's engine ({@link SandboxKql}) over the workspace's table data.
     */
    synchronized ArmResult query(WorkspaceRef ws, ObjectNode body) {
        requireWorkspace(ws);
        if (LogQuery.isRecencyShape(body)) return ArmResult.of(200, LogQuery.run(body, tables.of(ws), clock.instant()));
        return ArmResult.of(200, kql.run(body, tables.data(ws), clock.instant(), tables.seasonality(ws)));
    }

    /** Replaces a workspace's tables (the admin endpoint and the seed file). */
    synchronized void configureTables(WorkspaceTables.Setup setup) {
        tables.configure(setup);
        onChange.run();
    }

    private static ObjectNode tableBody(WorkspaceRef ws, String name) {
        ObjectNode t = SandboxJson.object();
        t.put("id", ws.resourceId() + "/tables/" + name);
        t.put("name", name);
        t.put("type", "Microsoft.OperationalInsights/workspaces/tables");
        ObjectNode p = t.putObject("properties");
        p.put("retentionInDays", 30);
        p.put("totalRetentionInDays", 30);
        p.put("archiveRetentionInDays", 0);
        p.put("retentionInDaysAsDefault", true);
        p.put("totalRetentionInDaysAsDefault", true);
        p.put("plan", "Analytics");
        p.put("provisioningState", "Succeeded");
        ObjectNode schema = p.putObject("schema");
        schema.put("name", name);
        boolean custom = name.endsWith("_CL");
        schema.put("tableType", custom ? "CustomLog" : "Microsoft");
        schema.put("tableSubType", custom ? "DataCollectionRuleBased" : "Any");
        return t;
    }

    synchronized List<WorkspaceRef> workspaces() {
        return store.workspaces();
    }

    synchronized int resourceCount() {
        return store.size();
    }

    /** A JSON document of the whole state, for persistence. Stored bodies are immutable, so sharing them is safe. */
    synchronized ObjectNode snapshot() {
        ObjectNode out = SandboxJson.object();
        out.put("format", StateFile.FORMAT);
        ArrayNode ws = out.putArray("workspaces");
        store.workspaces().forEach(w -> ws.add(w.toString()));
        ArrayNode resources = out.putArray("resources");
        for (ResourceStore.Stored s : store.all()) {
            ObjectNode r = resources.addObject();
            r.put("workspace", s.path().workspace().toString());
            r.put("type", s.path().kind().typeName());
            r.put("name", s.path().name());
            if (s.path().parent() != null) r.put("parent", s.path().parent().name());
            r.set("resource", s.body());
        }
        out.set("tables", tables.snapshot());
        return out;
    }

    synchronized void restore(JsonNode state) {
        for (JsonNode ws : state.path("workspaces")) {
            store.addWorkspace(WorkspaceRef.parse(ws.asString()));
        }
        for (JsonNode r : state.path("resources")) {
            WorkspaceRef ws = WorkspaceRef.parse(r.path("workspace").asString());
            SandboxResourceType type = SandboxResourceType.fromTypeName(Served.TYPES, r.path("type").asString());
            // A child's parent is the one async type (watchlists): the only parent type the sandbox serves.
            ArmPath parent = r.hasNonNull("parent") ? new ArmPath(ws, Served.TYPES.stream().filter(t ->
                    t.has(SandboxResourceType.Trait.ASYNC_PROVISIONING)).findFirst().orElseThrow(),
                    r.path("parent").asString()) : null;
            ArmPath path = new ArmPath(ws, type, r.path("name").asString(), parent);
            store.put(new ResourceStore.Stored(path, (ObjectNode) r.get("resource")));
        }
        tables.restore(state.path("tables"));
    }

    private void requireWorkspace(WorkspaceRef ws) {
        if (ws.workspace().equals(ArmPath.RESOURCE_GROUP)) return; // beside the workspaces: the resource group is implied
        if (strictWorkspaces && !store.hasWorkspace(ws)) {
            // ARM's own wording for a missing parent resource.
            throw new ArmException(404, "ResourceNotFound", "The Resource 'Microsoft.OperationalInsights/workspaces/"
                    + ws.workspace() + "' under resource group '" + ws.resourceGroup() + "' was not found. "
                    + "This sandbox only serves the workspaces it was started with (--workspace) or that were "
                    + "created with PUT; add this one.");
        }
    }

    private static ArmException notFound(ArmPath path) {
        return new ArmException(404, path.kind().notFoundCode(), "The " + path.kind().armType() + " resource '"
                + path.name() + "' was not found in workspace '" + path.workspace().workspace() + "'.");
    }

    private static void checkPreconditions(ArmPath path, ResourceStore.Stored existing, String bodyEtag,
            Preconditions pre) {
        String what = path.kind().typeName() + " '" + path.name() + "'";
        if ("*".equals(pre.ifNoneMatch()) && existing != null) {
            throw new ArmException(412, "PreconditionFailed",
                    "If-None-Match: * was sent but " + what + " already exists.");
        }
        if (pre.ifMatch() != null) {
            if (existing == null) {
                throw new ArmException(412, "PreconditionFailed", "If-Match was sent but " + what
                        + " does not exist. Drop the If-Match header to create it.");
            }
            if (!"*".equals(pre.ifMatch()) && !EtagSource.same(pre.ifMatch(), existing.etag())) {
                throw new ArmException(412, "PreconditionFailed", "If-Match " + pre.ifMatch() + " does not match the"
                        + " current etag " + existing.etag() + " of " + what + ". Read it again and retry.");
            }
        }
        if (bodyEtag != null && !"*".equals(bodyEtag)) {
            if (existing == null) {
                throw new ArmException(409, "Conflict", "An etag was sent but " + what
                        + " does not exist (it may have been deleted). Remove the etag to create it.");
            }
            if (!EtagSource.same(bodyEtag, existing.etag())) {
                throw new ArmException(409, "Conflict", "The etag " + bodyEtag + " of " + what
                        + " is stale; the current etag is " + existing.etag()
                        + ". Someone else changed it: read it again, then retry with the new etag.");
            }
        }
        if (path.kind().has(SandboxResourceType.Trait.OVERWRITE_NEEDS_ETAG) && existing != null && bodyEtag == null) {
            throw new ArmException(409, "Conflict", "Saved search '" + path.name() + "' already exists. "
                    + "To overwrite an existing saved search, use '*' or specify the current etag.");
        }
    }

    /** A later PUT keeps the name and id casing the resource was created with, as ARM does. */
    private static ArmPath storedPath(ArmPath path, ResourceStore.Stored existing) {
        return existing == null ? path : existing.path();
    }

    private ObjectNode buildBody(ArmPath path, ResourceStore.Stored existing, ObjectNode request, ObjectNode props) {
        ArmPath at = storedPath(path, existing);
        Instant now = clock.instant();
        ObjectNode out = SandboxJson.object();
        out.put("id", at.resourceId());
        out.put("name", at.name());
        out.put("type", path.kind().armType());
        if (path.kind().has(SandboxResourceType.Trait.KIND_AND_LAST_MODIFIED)) {
            out.put("kind", request.path("kind").asString());
            props.put("lastModifiedUtc", now.toString());
        }
        if (path.kind().has(SandboxResourceType.Trait.ALIAS_FROM_NAME) && !props.hasNonNull("watchlistAlias")) {
            props.put("watchlistAlias", at.name()); // the service answers with the alias the resource name gives
        }
        if (path.kind().has(SandboxResourceType.Trait.RESOURCE_GROUP_CHILD)) {
            if (request.has("kind")) out.set("kind", request.get("kind").deepCopy());
            out.set("location", request.path("location").deepCopy());
            if (request.get("tags") instanceof ObjectNode tags) out.set("tags", tags.deepCopy());
            props.put("timeModified", now.toString()); // read-only, set by the service
        }
        out.put("etag", etags.next(path.kind(), now));
        out.set("properties", props);
        if (path.kind().sentinel()) {
            ObjectNode system = out.putObject("systemData");
            JsonNode previous = existing == null ? null : existing.body().get("systemData");
            system.put("createdBy", previous == null ? PRINCIPAL : previous.path("createdBy").asString());
            system.put("createdByType", "Application");
            system.put("createdAt", previous == null ? now.toString() : previous.path("createdAt").asString());
            system.put("lastModifiedBy", PRINCIPAL);
            system.put("lastModifiedByType", "Application");
            system.put("lastModifiedAt", now.toString());
        }
        return out;
    }

    /** Conditional request headers. */
    record Preconditions(String ifMatch, String ifNoneMatch) {
    }
}
