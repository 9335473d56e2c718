package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.deploy.Applier;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.DeployTargets;
import dev.sentinelctl.deploy.Planner;
import dev.sentinelctl.deploy.WorkspacePlan;
import dev.sentinelctl.deploy.config.PreflightFlags;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.kinds.Scope;
import dev.sentinelctl.deploy.kinds.alertrule.AlertRuleKind;
import dev.sentinelctl.deploy.kinds.huntingquery.HuntingQueryKind;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import dev.sentinelctl.deploy.sandbox.SandboxStats;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dependency order through the real pipeline and the sandbox: today's kinds have no edges, so the test registers its
 * own table where rule N needs hunting query N (and hunting query 2 is sent without its displayName, which the service
 * refuses). Apply writes every hunting query before any rule, and rule 2 is not written because what it needs failed.
 */
class DeployKindOrderTest {
    @TempDir
    Path dir;

    /** A kind that is another kind with other dependencies or another body. */
    record Wrapped(DeployableKind inner, Function<ContentItem, List<Edge>> edges, Function<ArmResource, ArmResource> body)
            implements DeployableKind {
        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public String label() {
            return inner.label();
        }

        @Override
        public String apiVersionKey() {
            return inner.apiVersionKey();
        }

        @Override
        public String defaultApiVersion() {
            return inner.defaultApiVersion();
        }

        @Override
        public String apiVersionReason() {
            return inner.apiVersionReason();
        }

        @Override
        public Scope scope() {
            return inner.scope();
        }

        @Override
        public SandboxResourceType sandbox() {
            return inner.sandbox();
        }

        @Override
        public boolean handles(ContentItem item) {
            return inner.handles(item);
        }

        @Override
        public dev.sentinelctl.content.ContentKind contentKind() {
            return inner.contentKind();
        }

        @Override
        public ArmResource resource(ArmResources mapping, ContentItem item) {
            return body.apply(inner.resource(mapping, item));
        }

        @Override
        public List<Edge> dependencies(ContentItem item) {
            return edges.apply(item);
        }

        @Override
        public Ownership ownership() {
            return inner.ownership();
        }

        @Override
        public ObjectNode normalise(String armKind, JsonNode properties) {
            return inner.normalise(armKind, properties);
        }

        @Override
        public void prepareWrite(ObjectNode body, String etag) {
            inner.prepareWrite(body, etag);
        }

        @Override
        public Exported export(ObjectNode listed, Optional<String> version) {
            return inner.export(listed, version);
        }
    }

    @Test
    void aKindIsWrittenAfterWhatItNeedsAndNotAtAllWhenThatFailed() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(2);
            f.hunt(1);
            f.hunt(2);
            DeployableKind rules = new Wrapped(AlertRuleKind.INSTANCE, item -> List.of(new Edge("saved-search",
                    item.id().equals(DeployFixture.ruleId(1)) ? DeployFixture.huntId(1) : DeployFixture.huntId(2),
                    "test: rule N needs hunting query N")), r -> r);
            DeployableKind hunts = new Wrapped(HuntingQueryKind.INSTANCE, item -> List.of(), r -> {
                if (!r.name().equals(DeployFixture.huntId(2))) return r;
                ObjectNode p = r.properties().deepCopy();
                p.remove("displayName");
                return new ArmResource(r.type(), r.apiVersion(), r.kind(), r.name(), r.contentId(), p);
            });
            DeployTargets config = DeployTargets.fromConfig(f.config, List.of());
            DeployTargets targets = new DeployTargets(config.workspaces(), config.source(), config.sourceDerived(), false,
                    items -> List.of(), KindTable.of(List.of(rules, hunts)));
            DeployRun run = new DeployRun(targets, new DeployRun.Options(null, URI.create(f.sandbox.baseUrl().toString()),
                    f.sandbox.trustFile(), null, 4, 1, 20, 100), PreflightFlags.NONE, f.env);
            List<WorkspacePlan> plans = run.plan(null, new Planner.Options(false, false));
            assertEquals(4, plans.get(0).changes().size());

            f.sandbox.stats().reset();
            Applier.WorkspaceResult result = run.applier((p, d, x, t) -> { }).apply(plans).get(0);

            List<Applier.ItemResult> failures = result.failures();
            assertEquals(2, failures.size(), failures.toString());
            Applier.ItemResult hunt2 = failures.stream().filter(r -> r.change().id().equals(DeployFixture.huntId(2)))
                    .findFirst().orElseThrow();
            assertTrue(hunt2.error().contains("400"), hunt2.error());
            Applier.ItemResult rule2 = failures.stream().filter(r -> r.change().id().equals(DeployFixture.ruleId(2)))
                    .findFirst().orElseThrow();
            assertEquals("not applied: it needs hunting query " + DeployFixture.huntId(2) + ", which failed", rule2.error());
            assertEquals(1, f.count("PUT", "alertRules"), "rule 1 only");

            List<SandboxStats.RequestRecord> log = f.sandbox.stats().recent();
            int lastHunt = -1;
            int firstRule = Integer.MAX_VALUE;
            for (int i = 0; i < log.size(); i++) {
                SandboxStats.RequestRecord r = log.get(i);
                if (r.operation().equals("PUT") && r.resource().equals("savedSearches")) lastHunt = i;
                if (r.operation().equals("PUT") && r.resource().equals("alertRules")) firstRule = Math.min(firstRule, i);
            }
            assertTrue(lastHunt >= 0 && lastHunt < firstRule, "every hunting query before any rule: " + log.stream()
                    .map(SandboxStats.RequestRecord::line).toList());
        }
    }

    @Test
    void contentOfAKindWithNoDeployableKindIsAnErrorNamingItsFileNotDroppedSilently() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(1);
            f.hunt(1);
            DeployTargets config = DeployTargets.fromConfig(f.config, List.of());
            DeployTargets rulesOnly = new DeployTargets(config.workspaces(), config.source(), config.sourceDerived(), false,
                    items -> List.of(), KindTable.of(List.of(AlertRuleKind.INSTANCE)));
            DeployRun run = new DeployRun(rulesOnly, new DeployRun.Options(null, URI.create(f.sandbox.baseUrl().toString()),
                    f.sandbox.trustFile(), null, 4, 1, 20, 100), PreflightFlags.NONE, f.env);
            dev.sentinelctl.deploy.DeployException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.sentinelctl.deploy.DeployException.class, () -> run.plan(null, new Planner.Options(false, false)));
            assertTrue(e.getMessage().contains("Hunt1.yaml: hunting query content is not deployed yet"), e.getMessage());
        }
    }
}
