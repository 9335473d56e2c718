package dev.sentinelctl.deploy;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.RuleDuration;
import dev.sentinelctl.deploy.config.RuleOverride;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.deploy.kinds.Placement;
import dev.sentinelctl.deploy.kinds.Ownership;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Desired state = content × workspace settings: the items a workspace selects, mapped by the same
 * {@link ArmResources} as {@code build}, with the workspace's overrides applied to the rule's properties.
 */
public final class DesiredState {
    /** A loaded content item and its file. */
    public record Source(ContentItem item, String file) {
    }

    private final ArmResources mapping;
    private final String sourceName;
    private final KindTable kinds;

    public DesiredState(ArmResources mapping, String sourceName) {
        this(mapping, sourceName, KindTable.builtIn());
    }

    /** @param kinds the registered kinds and the api-version each is sent with */
    public DesiredState(ArmResources mapping, String sourceName, KindTable kinds) {
        this.mapping = mapping;
        this.sourceName = sourceName;
        this.kinds = kinds;
    }

    public List<DesiredItem> forWorkspace(WorkspaceConfig ws, List<Source> content) {
        return forWorkspace(ws, content, Tailoring.NONE);
    }

    /** As {@link #forWorkspace(WorkspaceConfig, List)}, with a fleet's content selection and per-workspace query. */
    public List<DesiredItem> forWorkspace(WorkspaceConfig ws, List<Source> content, Tailoring tailoring) {
        List<DesiredItem> out = new ArrayList<>();
        ContentIndex index = ContentIndex.of(content.stream().map(Source::item).toList());
        Placement placement = new Placement(ws, index);
        for (Source s : content) {
            if (!ws.selects(s.item()) || !tailoring.selects(s.item())) continue;
            // A content kind that loads but has no deployable kind yet must not vanish from a deployment unnoticed.
            DeployableKind type = kinds.forItem(s.item()).orElseThrow(() -> new DeployException(s.file() + ": "
                    + s.item().kind().displayName() + " content is not deployed yet (no deployable kind is registered for "
                    + "it, see docs/deploying-kinds.md); leave it out of the content paths or the workspace's selection"));
            ArmResource r = type.resource(mapping, s.item(), placement);
            // Only resources that run a query take the workspace's (an automation rule and a watchlist have none); the
            // kind says where its body keeps it (ARM's properties.query, a custom detection's queryCondition.queryText).
            java.util.Optional<String> deployed = s.item().kind().isQueryItem()
                    ? type.deployedQuery(r.properties()) : java.util.Optional.empty();
            if (deployed.isPresent()) {
                String query = tailoring.query(s.item());
                if (!query.equals(deployed.get())) {
                    r = new ArmResource(r.type(), r.apiVersion(), r.kind(), r.name(), r.contentId(),
                            type.withDeployedQuery(r.properties(), query));
                }
            } else if (s.item().kind().isQueryItem() && !s.item().query().text().isEmpty()
                    && !tailoring.query(s.item()).equals(s.item().query().text())) {
                throw new DeployException(s.file() + ": fleet exclusions are not compiled into "
                        + s.item().kind().displayName() + " queries yet; leave this item out of the excluding "
                        + "workspaces' selection");
            }
            String apiVersion = kinds.apiVersion(type);
            if (!apiVersion.equals(r.apiVersion())) {
                r = new ArmResource(r.type(), apiVersion, r.kind(), r.name(), r.contentId(), r.properties());
            }
            if (s.item() instanceof AnalyticRule rule) {
                r = withOverride(r, rule, ws.overrideFor(rule.id()));
            } else {
                // Only the item's own entry: "*" means every analytic rule, and its schedule fields mean nothing here.
                RuleOverride o = ws.overrides().getOrDefault(s.item().id().toLowerCase(java.util.Locale.ROOT), RuleOverride.NONE);
                if (!o.isEmpty()) {
                    try {
                        r = new ArmResource(r.type(), r.apiVersion(), r.kind(), r.name(), r.contentId(),
                                type.withOverride(r.properties(), s.item(), o));
                    } catch (DeployException e) {
                        throw new DeployException(s.file() + ": workspace '" + ws.name() + "': " + e.getMessage());
                    }
                }
            }
            r = type.inWorkspace(r, s.item(), ws);
            ObjectNode envelope = type.envelope(s.item(), ws);
            type.ownership().stamp(envelope, sourceName, ws);
            if (type.ownership() instanceof dev.sentinelctl.deploy.kinds.Ownership.ServerAssigned) {
                // The marker travels in the properties (server-assigned ids, custom detections): stamped here, so plan
                // and apply compare and write one thing; the item's "marker name" is its content id.
                r = new ArmResource(r.type(), r.apiVersion(), r.kind(), r.name(), r.contentId(),
                        type.stampOwner(r.properties().deepCopy(), sourceName, s.item().id()));
            }
            out.add(new DesiredItem(s.file(), type, r, marker(type, s.item(), r, ws), type.dependencies(s.item(), placement), envelope,
                    type.planNotes(s.item(), placement), type.externalReferences(s.item(), placement)));
        }
        return out;
    }

    /**
     * The item's ownership marker: the Sentinel metadata resource, or — for a marker inside the resource's own body
     * (a tag) — a placeholder named like the resource with no properties, so plans key it the same way.
     */
    private ArmResource marker(DeployableKind type, ContentItem item, ArmResource r, WorkspaceConfig ws) {
        if (!type.ownership().separateMarker()) {
            return new ArmResource(r.type(), r.apiVersion(), java.util.Optional.empty(), r.name(), r.contentId(),
                    tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        // The metadata kind is the kind's own (a playbook's "Playbook" has no content mapping of its own).
        ArmResource meta = type.ownership() instanceof Ownership.SentinelMetadata m
                ? mapping.metadataFor(item, sourceName, m.metadataKind(), r.resourceIdExpression())
                : mapping.metadataFor(item, sourceName);
        ObjectNode metaProps = meta.properties().deepCopy();
        metaProps.put("parentId", type.scope().resourceId(ws, r.name()));
        // the marker is named after the resource (which is the content id, except for kinds that name a resource
        // per workspace: a playbook's deployment), as the ownership lookup finds it
        String metaName = type.ownership() instanceof Ownership.SentinelMetadata m ? m.markerName(r.name()) : meta.name();
        return new ArmResource(meta.type(), kinds.apiVersion(kinds.marker()), meta.kind(), metaName, meta.contentId(),
                metaProps);
    }

    /** Same resource, other query; untouched when equal so a workspace without exclusions plans exactly as before. */
    static ArmResource withQuery(ArmResource r, String query) {
        if (query.equals(r.properties().path("query").asString(null))) return r;
        if (query.isEmpty() && !r.properties().has("query")) return r; // a kind without a query
        ObjectNode p = r.properties().deepCopy();
        p.put("query", query);
        return new ArmResource(r.type(), r.apiVersion(), r.kind(), r.name(), r.contentId(), p);
    }

    /** The override's fields replace the content's; schedule fields do not apply to NRT rules (they have none). */
    static ArmResource withOverride(ArmResource r, AnalyticRule rule, RuleOverride o) {
        if (o.isEmpty()) return r;
        ObjectNode p = r.properties().deepCopy();
        if (o.enabled() != null) p.put("enabled", o.enabled());
        if (o.severity() != null) p.put("severity", o.severity());
        if (rule.ruleKind() == AnalyticRule.RuleKind.SCHEDULED) {
            if (o.queryFrequency() != null) p.put("queryFrequency", RuleDuration.isoForm(o.queryFrequency()));
            if (o.queryPeriod() != null) p.put("queryPeriod", RuleDuration.isoForm(o.queryPeriod()));
            if (o.triggerThreshold() != null) p.put("triggerThreshold", o.triggerThreshold());
            if (o.triggerOperator() != null) p.put("triggerOperator", dev.sentinelctl.arm.TriggerOperators.toArm(o.triggerOperator()));
        }
        if (o.suppressionEnabled() != null) p.put("suppressionEnabled", o.suppressionEnabled());
        if (o.suppressionDuration() != null) p.put("suppressionDuration", RuleDuration.isoForm(o.suppressionDuration()));
        return new ArmResource(r.type(), r.apiVersion(), r.kind(), r.name(), r.contentId(), p);
    }

    public String sourceName() {
        return sourceName;
    }
}
