package dev.sentinelctl.deploy.kinds.huntingquery;

import dev.sentinelctl.arm.ArmApiVersion;
import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.arm.ArmToYaml;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.HuntingQuery;
import dev.sentinelctl.deploy.StateNormalizer;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.DescribedKind;
import dev.sentinelctl.deploy.kinds.KindFacts;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.kinds.Scope;
import dev.sentinelctl.deploy.sandbox.SavedSearchValidator;
import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Hunting queries as Log Analytics saved searches in the "Hunting Queries" category. */
public final class HuntingQueryKind extends DescribedKind implements DeployableKind {
    public static final HuntingQueryKind INSTANCE = new HuntingQueryKind();
    private static final Ownership OWNERSHIP = new Ownership.SentinelMetadata("HuntingQuery");

    private HuntingQueryKind() {
        super(new KindFacts("saved-search", "hunting query", "savedSearches", ArmApiVersion.SAVED_SEARCHES,
                "Log Analytics (not Microsoft.SecurityInsights): the version of loganalytics 1.1.0 and of "
                        + "Azure-Sentinel's ARM templates, which has every field a hunting query writes",
                new Scope.WorkspaceChild("savedSearches"),
                SandboxResourceType.logAnalytics("savedSearches", new SavedSearchValidator(),
                        SandboxResourceType.Trait.OVERWRITE_NEEDS_ETAG)));
    }








    @Override
    public ContentKind contentKind() {
        return ContentKind.HUNTING_QUERY;
    }

    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item) {
        return mapping.savedSearch((HuntingQuery) item);
    }

    /** A saved search with a function alias is a parser's ({@code parser/ParserKind}), not a hunting query. */
    @Override
    public boolean claims(ObjectNode listed) {
        return !listed.path("properties").hasNonNull("functionAlias")
                || listed.path("properties").path("functionAlias").asString("").isBlank();
    }

    @Override
    public Ownership ownership() {
        return OWNERSHIP;
    }

    @Override
    public ObjectNode normalise(String armKind, JsonNode properties) {
        return StateNormalizer.savedSearch(properties);
    }

    /** Log Analytics wants an etag to overwrite; a new one takes "*" (a retried create may find its own). */
    @Override
    public void prepareWrite(ObjectNode body, String etag) {
        body.put("etag", etag != null ? etag : "*");
    }

    @Override
    public Exported export(ObjectNode listed, Optional<String> version) {
        JsonNode p = listed.path("properties");
        if (!ArmToYaml.isHuntingQuery(p)) return new NotContent();
        return new AsContent("Hunting Queries", new ArmToYaml().toYaml(new ArmToYaml.ArmItem(
                "Microsoft.OperationalInsights/workspaces/savedSearches", Optional.empty(), nameInList(listed), p, version)));
    }
}
