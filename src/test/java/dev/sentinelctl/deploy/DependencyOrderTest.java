package dev.sentinelctl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.kinds.ResourceKind;
import dev.sentinelctl.deploy.kinds.Scope;
import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Apply order over kinds and edges, as pure planner data: fake kinds registered in their own table (watchlists, then
 * parsers, then rules, then automation rules), items with edges, no SDK and no sandbox.
 */
class DependencyOrderTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final FakeKind WATCHLIST = new FakeKind("watchlist", "Watchlist");
    private static final FakeKind PARSER = new FakeKind("parser", "Parser");
    private static final FakeKind RULE = new FakeKind("rule", "AnalyticsRule");
    private static final FakeKind AUTOMATION = new FakeKind("automation", "AutomationRule");
    private static final KindTable TABLE = KindTable.of(List.of(WATCHLIST, PARSER, RULE, AUTOMATION));
    private static final WorkspaceConfig WS = new WorkspaceConfig("prod", "t", "s", "rg", "ws", CredentialKind.parse("environment"),
            List.of(), List.of(), List.of(), Map.of());

    /** A kind that is only its name, its marker and its scope. */
    record FakeKind(String id, String metadataKind) implements DeployableKind {
        @Override
        public String label() {
            return id;
        }

        @Override
        public String apiVersionKey() {
            return id + "s";
        }

        @Override
        public String defaultApiVersion() {
            return "2025-09-01";
        }

        @Override
        public String apiVersionReason() {
            return "test";
        }

        @Override
        public Scope scope() {
            return new Scope.WorkspaceChild("providers/Fake/" + id + "s");
        }

        @Override
        public SandboxResourceType sandbox() {
            return SandboxResourceType.sentinel(id + "s", (body, existing) -> { });
        }

        @Override
        public boolean handles(ContentItem item) {
            return false;
        }

        @Override
        public dev.sentinelctl.content.ContentKind contentKind() {
            throw new UnsupportedOperationException("no content in this test");
        }

        @Override
        public ArmResource resource(ArmResources mapping, ContentItem item) {
            throw new UnsupportedOperationException("no content in this test");
        }

        @Override
        public Ownership ownership() {
            return new Ownership.SentinelMetadata(metadataKind);
        }

        @Override
        public ObjectNode normalise(String armKind, JsonNode properties) {
            return (ObjectNode) properties.deepCopy();
        }

        @Override
        public Exported export(ObjectNode listed, Optional<String> version) {
            return new NotContent();
        }
    }

    private static DesiredItem item(FakeKind kind, String name, Edge... needs) {
        ObjectNode p = JSON.objectNode().put("displayName", name);
        ArmResource r = new ArmResource("Fake/" + kind.id(), "2025-09-01", Optional.empty(), name, name, p);
        ArmResource meta = new ArmResource("metadata", "2025-09-01", Optional.empty(),
                ((Ownership.SentinelMetadata) kind.ownership()).markerName(name), name, JSON.objectNode());
        return new DesiredItem(name + ".yaml", kind, r, meta, List.of(needs));
    }

    private static Edge needs(FakeKind kind, String name) {
        return new Edge(kind.id(), name, "test edge");
    }

    private static ActualState empty() {
        Map<ResourceKind, Map<String, ObjectNode>> items = new HashMap<>();
        for (ResourceKind k : TABLE.resourceKinds()) items.put(k, Map.of());
        return new ActualState(TABLE, items);
    }

    private static List<List<String>> names(List<List<DesiredItem>> waves) {
        return waves.stream().map(w -> w.stream().map(DesiredItem::id).toList()).toList();
    }

    @Test
    void itemsComeAfterWhatTheyNeedAndIndependentOnesShareAWave() {
        // Listed in the worst order: dependents first.
        List<DesiredItem> items = List.of(
                item(AUTOMATION, "route", needs(RULE, "r1"), needs(RULE, "r2")),
                item(RULE, "r1", needs(PARSER, "union"), needs(WATCHLIST, "vip")),
                item(RULE, "r2", needs(WATCHLIST, "vip")),
                item(PARSER, "union", needs(PARSER, "source-a"), needs(PARSER, "source-b")),
                item(PARSER, "source-a"),
                item(PARSER, "source-b"),
                item(WATCHLIST, "vip"),
                item(RULE, "lonely"));
        DependencyOrder.check("prod", items, empty());
        List<List<DesiredItem>> waves = DependencyOrder.waves(items, DependencyOrder::key, DependencyOrder::dependencyKeys,
                DesiredItem::id);
        assertEquals(List.of(List.of("source-a", "source-b", "vip", "lonely"), List.of("r2", "union"), List.of("r1"),
                List.of("route")), names(waves));
    }

    @Test
    void aDependencyOnAKindIsMatchedByKindAndNameCaseInsensitively() {
        List<DesiredItem> items = List.of(item(RULE, "r", needs(WATCHLIST, "VIP")), item(WATCHLIST, "vip"),
                item(PARSER, "vip"));
        List<List<DesiredItem>> waves = DependencyOrder.waves(items, DependencyOrder::key, DependencyOrder::dependencyKeys,
                DesiredItem::id);
        assertEquals(2, waves.size());
        assertEquals(List.of("r"), names(waves).get(1));
    }

    @Test
    void aMissingDependencyNamesTheItemItsFileAndWhatItNeeds() {
        List<DesiredItem> items = List.of(item(RULE, "r1", needs(WATCHLIST, "vip")));
        DeployException e = assertThrows(DeployException.class, () -> DependencyOrder.check("prod", items, empty()));
        assertEquals("workspace 'prod': rule r1 (r1.yaml) needs watchlist vip (test edge), which is neither in the "
                + "content nor in the workspace; add it to the content or deploy it first", e.getMessage());
    }

    @Test
    void aDependencyAlreadyInTheWorkspaceIsSatisfiedAndOrdersNothing() {
        Map<ResourceKind, Map<String, ObjectNode>> have = new HashMap<>();
        for (ResourceKind k : TABLE.resourceKinds()) have.put(k, Map.of());
        have.put(WATCHLIST, Map.of("vip", JSON.objectNode().put("name", "vip")));
        List<DesiredItem> items = List.of(item(RULE, "r1", needs(WATCHLIST, "vip")));
        DependencyOrder.check("prod", items, new ActualState(TABLE, have));
        assertEquals(1, DependencyOrder.waves(items, DependencyOrder::key, DependencyOrder::dependencyKeys,
                DesiredItem::id).size());
    }

    @Test
    void aCycleNamesBothEnds() {
        List<DesiredItem> items = List.of(item(PARSER, "a", needs(PARSER, "b")), item(PARSER, "b", needs(PARSER, "a")),
                item(WATCHLIST, "w"));
        DeployException e = assertThrows(DeployException.class, () -> DependencyOrder.check("prod", items, empty()));
        assertTrue(e.getMessage().startsWith("workspace 'prod': dependency cycle: parser "), e.getMessage());
        assertTrue(e.getMessage().contains("parser a (a.yaml)") && e.getMessage().contains("parser b (b.yaml)"),
                e.getMessage());
    }

    @Test
    void aLongerCycleSaysHowManyMoreAreInIt() {
        List<DesiredItem> items = List.of(item(PARSER, "a", needs(PARSER, "b")), item(PARSER, "b", needs(PARSER, "c")),
                item(PARSER, "c", needs(PARSER, "a")));
        DeployException e = assertThrows(DeployException.class, () -> DependencyOrder.check("prod", items, empty()));
        assertTrue(e.getMessage().contains("through 1 more"), e.getMessage());
    }

    @Test
    void applyWritesInWavesThenDeletesDependentKindsFirst() {
        DesiredItem w = item(WATCHLIST, "vip");
        DesiredItem r = item(RULE, "r1", needs(WATCHLIST, "vip"));
        List<Change> writes = List.of(
                delete(WATCHLIST, "old-list"), change(Change.Action.UPDATE, r), delete(AUTOMATION, "old-route"),
                delete(RULE, "old-rule"), change(Change.Action.CREATE, w), delete(PARSER, "old-parser"));
        List<List<String>> waves = Applier.waves(writes, TABLE).stream()
                .map(wave -> wave.stream().map(c -> c.action().word() + " " + c.id()).toList()).toList();
        assertEquals(List.of(List.of("create vip"), List.of("update r1"), List.of("delete old-route"),
                List.of("delete old-rule"), List.of("delete old-parser"), List.of("delete old-list")), waves);
    }

    private static Change change(Change.Action action, DesiredItem d) {
        return new Change(action, d.type(), d.id(), d.id(), d, List.of(), null, true, true, true, "", d.metadata().name());
    }

    private static Change delete(FakeKind kind, String name) {
        return new Change(Change.Action.DELETE, kind, name, name, null, List.of(), null, true, true, true, "",
                ((Ownership.SentinelMetadata) kind.ownership()).markerName(name));
    }
}
