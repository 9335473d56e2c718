package dev.sentinelctl.deploy.kinds.parser;

import dev.sentinelctl.arm.ArmApiVersion;
import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Parser;
import dev.sentinelctl.content.ParserParameter;
import dev.sentinelctl.deploy.StateNormalizer;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.DescribedKind;
import dev.sentinelctl.deploy.kinds.KindFacts;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.kinds.QueryEdges;
import dev.sentinelctl.deploy.kinds.huntingquery.HuntingQueryKind;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parsers (KQL functions) as Log Analytics saved searches with {@code functionAlias} and {@code functionParameters}:
 * the mapping of Microsoft's converter ({@link ArmResources#function}). They share the saved-search collection with
 * hunting queries — one list call serves both — and a listed saved search is a parser's exactly when it has a function
 * alias. Edges: the content's parsers it calls (a union parser → its source parsers) and the watchlists it reads.
 */
public final class ParserKind extends DescribedKind implements DeployableKind {
    public static final ParserKind INSTANCE = new ParserKind();
    private static final Ownership OWNERSHIP = new Ownership.SentinelMetadata("Parser");

    private ParserKind() {
        // The hunting queries' api-version key, scope and stand-in: one collection, one version, one list call.
        super(new KindFacts(QueryEdges.PARSER, "parser", HuntingQueryKind.INSTANCE.apiVersionKey(),
                ArmApiVersion.SAVED_SEARCHES, HuntingQueryKind.INSTANCE.apiVersionReason() + "; parsers are saved "
                        + "searches too (functionAlias, functionParameters)",
                HuntingQueryKind.INSTANCE.scope(), HuntingQueryKind.INSTANCE.sandbox()));
    }








    @Override
    public ContentKind contentKind() {
        return ContentKind.PARSER;
    }

    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item) {
        return mapping.function((Parser) item);
    }

    @Override
    public boolean claims(ObjectNode listed) {
        return !listed.path("properties").path("functionAlias").asString("").isBlank();
    }

    /** A deployed parser is called by its function alias. */
    @Override
    public Optional<String> calledAs(ObjectNode listed) {
        String alias = listed.path("properties").path("functionAlias").asString("");
        return alias.isBlank() ? Optional.empty() : Optional.of(alias);
    }

    @Override
    public Ownership ownership() {
        return OWNERSHIP;
    }

    /** A saved search's normal form; the parameter list compares by its parsed parameters, not its spacing. */
    @Override
    public ObjectNode normalise(String armKind, JsonNode properties) {
        ObjectNode out = StateNormalizer.savedSearch(properties);
        ObjectNode p = (ObjectNode) out.get("properties");
        JsonNode params = p.get("functionParameters");
        if (params != null && params.isString()) {
            p.put("functionParameters", ParserParameter.join(ParserParameter.parse(params.asString())));
        }
        return out;
    }

    /** Log Analytics wants an etag to overwrite; a new one takes "*". */
    @Override
    public void prepareWrite(ObjectNode body, String etag) {
        body.put("etag", etag != null ? etag : "*");
    }

    /** Back to the native parser form (docs/parsers.md), parameters split from the workspace's one string. */
    @Override
    public Exported export(ObjectNode listed, Optional<String> version) {
        JsonNode p = listed.path("properties");
        if (!claims(listed)) return new NotContent();
        ObjectNode y = JsonNodeFactory.instance.objectNode();
        y.put("id", nameInList(listed));
        y.put("name", p.path("displayName").asString(p.path("functionAlias").asString()));
        y.put("functionAlias", p.path("functionAlias").asString());
        y.put("category", p.path("category").asString(Parser.DEFAULT_CATEGORY));
        version.ifPresent(v -> y.put("version", v));
        String params = p.path("functionParameters").asString("");
        if (!params.isBlank()) {
            ArrayNode a = y.putArray("parameters");
            for (ParserParameter pp : ParserParameter.parse(params)) {
                ObjectNode o = a.addObject();
                o.put("name", pp.name());
                o.put("type", pp.type());
                pp.defaultValue().ifPresent(d -> o.put("default", d));
            }
        }
        y.put("query", p.path("query").asString(""));
        return new AsContent("Parsers", y);
    }
}
