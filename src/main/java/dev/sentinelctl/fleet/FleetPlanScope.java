package dev.sentinelctl.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a fleet plan saved with {@code plan --fleet F --out FILE} was made for: the selection that was asked for
 * (fleet file, ring, shard, workspace names), the ownership name, and every selected workspace with its ring and
 * credential reference (names and ids, never a secret: the fleet file holds none). {@code apply --plan FILE} selects
 * the same way and refuses when the workspaces, their rings or credentials, or the source are no longer the
 * reviewed ones: a changed scope is a different rollout, not a stale detail of one workspace.
 *
 * @param targets in rollout order
 */
public record FleetPlanScope(String fleetFile, Optional<String> ring, Optional<String> shard, List<String> workspaces,
                             String source, List<Target> targets) {

    /** @param notPlanned why the workspace could not be planned when the plan was saved (unreadable, exclusions) */
    public record Target(String resourceId, String tenant, String ring, int ringIndex, String group,
                         CredentialRef credential, Optional<String> notPlanned) {

        public static Target of(WorkspaceTarget t, Optional<String> notPlanned) {
            return new Target(t.resourceId(), t.tenant(), t.ring(), t.ringIndex(), t.group(), t.credential(), notPlanned);
        }

        String key() {
            return resourceId.toLowerCase(Locale.ROOT);
        }

        /** The fields a reviewer approved; whether it could be planned is the plan's business, not the scope's. */
        private List<Object> reviewed() {
            return List.of(tenant, ring, credential);
        }
    }

    public FleetPlanScope {
        workspaces = List.copyOf(workspaces);
        targets = List.copyOf(targets);
    }

    public Optional<Target> target(String resourceId) {
        return targets.stream().filter(t -> t.key().equals(resourceId.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** How {@code now} differs from this (saved) scope, one line each; empty when it is the same rollout. */
    public List<String> differences(FleetPlanScope now) {
        List<String> out = new ArrayList<>();
        if (!source.equals(now.source)) out.add("the ownership source is '" + now.source + "', not '" + source + "'");
        Map<String, Target> before = byKey(targets);
        Map<String, Target> after = byKey(now.targets);
        before.forEach((k, t) -> {
            Target n = after.get(k);
            if (n == null) {
                out.add("no longer selected: " + t.resourceId());
            } else if (!n.ring().equals(t.ring())) {
                out.add(t.resourceId() + ": moved from ring " + t.ring() + " to " + n.ring());
            } else if (!n.reviewed().equals(t.reviewed())) {
                out.add(t.resourceId() + ": its tenant or credential changed (credential '" + t.credential().name()
                        + "' → '" + n.credential().name() + "')");
            }
        });
        after.forEach((k, n) -> {
            if (!before.containsKey(k)) out.add("newly selected: " + n.resourceId());
        });
        return out;
    }

    private static Map<String, Target> byKey(List<Target> targets) {
        Map<String, Target> out = new LinkedHashMap<>();
        for (Target t : targets) out.put(t.key(), t);
        return out;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("file", fleetFile);
        ring.ifPresent(r -> o.put("ring", r));
        shard.ifPresent(s -> o.put("shard", s));
        workspaces.forEach(o.putArray("workspaces")::add);
        o.put("source", source);
        ArrayNode list = o.putArray("targets");
        for (Target t : targets) {
            ObjectNode x = list.addObject();
            x.put("resourceId", t.resourceId());
            x.put("tenant", t.tenant());
            x.put("ring", t.ring());
            x.put("ringIndex", t.ringIndex());
            x.put("group", t.group());
            ObjectNode c = x.putObject("credential");
            CredentialRef cred = t.credential();
            c.put("name", cred.name());
            c.put("type", cred.type());
            cred.tenant().ifPresent(v -> c.put("tenant", v));
            cred.clientId().ifPresent(v -> c.put("clientId", v));
            c.put("lighthouse", cred.lighthouse());
            t.notPlanned().ifPresent(r -> x.put("notPlanned", r));
        }
        return o;
    }

    /** @throws IllegalArgumentException naming {@code file} and the JSON path when the section is not one we wrote */
    public static FleetPlanScope fromJson(JsonNode o, String file) {
        List<String> workspaces = new ArrayList<>();
        o.path("workspaces").forEach(w -> workspaces.add(w.asString()));
        List<Target> targets = new ArrayList<>();
        JsonNode list = o.path("targets");
        for (int i = 0; i < list.size(); i++) {
            JsonNode x = list.get(i);
            String at = "fleet.targets[" + i + "]";
            JsonNode c = x.path("credential");
            CredentialRef cred = new CredentialRef(text(c, "name", file, at + ".credential"), text(c, "type", file, at + ".credential"),
                    optional(c, "tenant"), optional(c, "clientId"), c.path("lighthouse").asBoolean(false));
            targets.add(new Target(text(x, "resourceId", file, at), text(x, "tenant", file, at), text(x, "ring", file, at),
                    x.path("ringIndex").asInt(0), x.path("group").asString(""), cred, optional(x, "notPlanned")));
        }
        return new FleetPlanScope(text(o, "file", file, "fleet"), optional(o, "ring"), optional(o, "shard"), workspaces,
                text(o, "source", file, "fleet"), targets);
    }

    private static String text(JsonNode node, String field, String file, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException(file + ": " + at + "." + field + " is missing; the saved plan is damaged, plan again");
        }
        return v.asString();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? Optional.of(v.asString()) : Optional.empty();
    }
}
