package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.deploy.ActualState;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a deployed resource records that this repository (a {@code source} name) owns it, so plan, prune and drift
 * only touch what it deployed. Each content kind names its marker; the Planner and the Applier's read-back ask the
 * marker the two questions below, never the kind.
 *
 * <p>Today's kinds are workspace children and use Sentinel metadata ({@link SentinelMetadata}). Kinds outside the
 * workspace need another marker, added here as another variant answering the same two questions: a resource-group
 * workbook carries a tag ({@code sentinelctl-source: <source>}) in its own body, read from the same list call; a Graph
 * custom detection has a server-assigned id and no Sentinel metadata, so its marker maps the content id to that id
 * (kept in the detection itself) — see docs/deploying-kinds.md. What a variant must also bring is its write path:
 * today the engine writes a metadata marker before a create and deletes it after the resource.
 */
public sealed interface Ownership {
    /** A resource that a source's marker claims: its name, the marker's name, the resource if it still exists. */
    record Claim(String name, String markerName, ObjectNode existing, int position) {
    }

    /** The source that owns the workspace's resource {@code name} of {@code kind}, or null when nothing claims it. */
    String owner(ActualState actual, DeployableKind kind, WorkspaceConfig ws, String name);

    /**
     * The resources of {@code kind} that {@code source} claims in the workspace, deployed or not (a marker whose
     * resource was deleted by hand), with a position that orders claims of every kind the way the markers were
     * listed.
     */
    List<Claim> claimedBy(String source, ActualState actual, DeployableKind kind, WorkspaceConfig ws);

    /**
     * True when the marker is a resource of its own (written before a create, deleted after the resource); false
     * when it lives in the resource's body, so a create is one PUT and a delete one DELETE.
     */
    boolean separateMarker();

    /** Writes a marker that lives in the body into the body's top-level fields; nothing for a separate marker. */
    void stamp(ObjectNode envelope, String source, WorkspaceConfig ws);

    /** What a marker kept inside a resource says: the source that deployed it and the content id it came from. */
    record Mark(String source, String contentId) {
    }

    /**
     * For services that assign ids themselves and have no Sentinel metadata (Microsoft Graph's custom detections):
     * the kind stamps a {@link Mark} into the body it writes ({@link DeployableKind#stampOwner}) and reads it back
     * from listed bodies ({@link DeployableKind#markIn}); the listed resources are keyed by that content id
     * ({@link DeployableKind#nameInList}), so plans key items by content id. The write path differs from ARM's PUT by
     * name: a create POSTs to the collection and learns the id from the answer, an update PATCHes and a delete
     * DELETEs the server id the list call found for the content id (the Applier asks {@link #serverId}).
     */
    record ServerAssigned() implements Ownership {
        @Override
        public String owner(ActualState actual, DeployableKind kind, WorkspaceConfig ws, String name) {
            ObjectNode listed = actual.of(kind).get(ActualState.key(name));
            return listed == null ? null : kind.markIn(listed).map(Mark::source).orElse(null);
        }

        @Override
        public List<Claim> claimedBy(String source, ActualState actual, DeployableKind kind, WorkspaceConfig ws) {
            List<Claim> out = new ArrayList<>();
            int position = 0;
            for (ObjectNode listed : actual.of(kind).values()) {
                position++;
                var mark = kind.markIn(listed);
                if (mark.isEmpty() || !mark.get().source().equalsIgnoreCase(source)) continue;
                out.add(new Claim(mark.get().contentId(), mark.get().contentId(), listed, position));
            }
            return out;
        }

        @Override
        public boolean separateMarker() {
            return false;
        }

        /** Nothing at the top level: the kind stamps the mark into the properties ({@link DeployableKind#stampOwner}). */
        @Override
        public void stamp(ObjectNode envelope, String source, WorkspaceConfig ws) {
        }

        /** The service's id of a listed resource (Graph: {@code id}). */
        public String serverId(ObjectNode listed) {
            return listed.path("id").asString("");
        }
    }

    /**
     * A Sentinel metadata resource ({@code Microsoft.SecurityInsights/metadata}) per item, named {@code
     * <kind lower-case>-<content id>} as Microsoft's Repositories names its own, with {@code source.kind =
     * SourceRepository}, {@code source.name = <source>} and {@code parentId} = the resource's id.
     *
     * @param metadataKind the metadata's {@code kind}: {@code AnalyticsRule}, {@code HuntingQuery}, {@code Parser}, …
     */
    record SentinelMetadata(String metadataKind) implements Ownership {
        @Override
        public boolean separateMarker() {
            return true;
        }

        @Override
        public void stamp(ObjectNode envelope, String source, WorkspaceConfig ws) {
            // the marker is a resource of its own (DesiredItem.metadata)
        }

        public String markerName(String contentId) {
            return metadataKind.toLowerCase(Locale.ROOT) + "-" + contentId;
        }

        @Override
        public String owner(ActualState actual, DeployableKind kind, WorkspaceConfig ws, String name) {
            ObjectNode marker = actual.metadata().get(ActualState.key(markerName(name)));
            return sourceOf(marker, kind.scope().resourceId(ws, name));
        }

        @Override
        public List<Claim> claimedBy(String source, ActualState actual, DeployableKind kind, WorkspaceConfig ws) {
            List<Claim> out = new ArrayList<>();
            String collection = kind.scope().collectionId(ws).toLowerCase(Locale.ROOT) + "/";
            int position = 0;
            for (var e : actual.metadata().entrySet()) {
                position++;
                JsonNode p = e.getValue().path("properties");
                if (!p.path("kind").asString("").equals(metadataKind)) continue;
                String parentId = p.path("parentId").asString("");
                if (!source.equalsIgnoreCase(String.valueOf(sourceOf(e.getValue(), parentId)))) continue;
                String name = parentId.substring(parentId.lastIndexOf('/') + 1);
                // A marker copied from another workspace claims nothing here, but is ours to clean up.
                boolean here = parentId.toLowerCase(Locale.ROOT).startsWith(collection);
                ObjectNode existing = here ? actual.of(kind).get(ActualState.key(name)) : null;
                out.add(new Claim(name, e.getValue().path("name").asString(e.getKey()), existing, position));
            }
            return out;
        }

        /** The source name a metadata resource records for {@code parentId}, or null when it does not claim it. */
        public static String sourceOf(ObjectNode meta, String parentId) {
            if (meta == null) return null;
            JsonNode p = meta.path("properties");
            JsonNode src = p.path("source");
            if (!src.path("kind").asString("").equals("SourceRepository")) return null;
            if (!p.path("parentId").asString("").equalsIgnoreCase(parentId)) return null;
            String name = src.path("name").asString("");
            return name.isEmpty() ? null : name;
        }
    }

    /**
     * ARM tags in the resource's own body: {@code sentinelctl-source: <source>} and {@code sentinelctl-workspace:
     * <workspace resource id>}, read from the same list call as the resources. For resource-group children
     * (workbooks), where Sentinel metadata (a workspace child) cannot say which of the resource group's workspaces a
     * resource belongs to: a resource tagged for another workspace is neither owned nor claimed here, so two
     * workspaces in one resource group never prune each other's.
     */
    record Tag() implements Ownership {
        public static final String SOURCE = "sentinelctl-source";
        public static final String WORKSPACE = "sentinelctl-workspace";

        @Override
        public String owner(ActualState actual, DeployableKind kind, WorkspaceConfig ws, String name) {
            ObjectNode r = actual.of(kind).get(ActualState.key(name));
            if (r == null) return null;
            String source = tag(r, SOURCE);
            if (source == null) return null;
            String workspace = tag(r, WORKSPACE);
            // Ours in another workspace of the resource group is not ours here: report whose it is.
            if (workspace == null || !workspace.equalsIgnoreCase(ws.resourceId())) {
                return source + " (for workspace " + (workspace == null ? "none" : workspace) + ")";
            }
            return source;
        }

        @Override
        public List<Claim> claimedBy(String source, ActualState actual, DeployableKind kind, WorkspaceConfig ws) {
            List<Claim> out = new ArrayList<>();
            int position = 0;
            for (ObjectNode r : actual.of(kind).values()) {
                position++;
                if (!source.equalsIgnoreCase(String.valueOf(tag(r, SOURCE)))) continue;
                if (!ws.resourceId().equalsIgnoreCase(String.valueOf(tag(r, WORKSPACE)))) continue;
                String name = kind.nameInList(r);
                out.add(new Claim(name, name, r, position));
            }
            return out;
        }

        @Override
        public boolean separateMarker() {
            return false;
        }

        @Override
        public void stamp(ObjectNode envelope, String source, WorkspaceConfig ws) {
            ObjectNode tags = envelope.get("tags") instanceof ObjectNode t ? t : envelope.putObject("tags");
            tags.put(SOURCE, source);
            tags.put(WORKSPACE, ws.resourceId());
        }

        private static String tag(ObjectNode r, String name) {
            JsonNode tags = r.path("tags");
            for (var e : tags.properties()) {
                // ARM keeps tag names as written but compares them case-insensitively.
                if (e.getKey().equalsIgnoreCase(name) && e.getValue().isString()) return e.getValue().asString();
            }
            return null;
        }
    }
}
