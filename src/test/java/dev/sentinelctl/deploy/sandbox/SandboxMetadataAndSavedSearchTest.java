package dev.sentinelctl.deploy.sandbox;

import static dev.sentinelctl.deploy.sandbox.SandboxFixture.RG;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.WS;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.resourcemanager.loganalytics.models.SavedSearch;
import com.azure.resourcemanager.loganalytics.models.SavedSearches;
import com.azure.resourcemanager.loganalytics.models.Tag;
import com.azure.resourcemanager.securityinsights.models.Kind;
import com.azure.resourcemanager.securityinsights.models.MetadataModel;
import com.azure.resourcemanager.securityinsights.models.MetadataSource;
import com.azure.resourcemanager.securityinsights.models.SourceKind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxMetadataAndSavedSearchTest {
    private static SandboxFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = SandboxFixture.start(SandboxOptions.defaults().withPageSize(2));
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void metadataRecordsOwnershipAndListsAcrossPages() {
        var sentinel = fx.sentinel();
        for (int i = 0; i < 3; i++) {
            String ruleId = sentinel.alertRules().createOrUpdate(RG, WS, "owned-" + i, scheduled("Owned " + i)).id();
            MetadataModel created = sentinel.metadatas().define("analytics-owned-" + i).withExistingWorkspace(RG, WS)
                    .withContentId("owned-" + i).withParentId(ruleId).withKind(Kind.ANALYTICS_RULE)
                    .withVersion("1.0.0")
                    .withSource(new MetadataSource().withKind(SourceKind.SOURCE_REPOSITORY).withName("org/detections"))
                    .create();
            assertEquals("Microsoft.SecurityInsights/metadata", created.type());
            assertEquals(ruleId, created.parentId());
        }
        List<MetadataModel> all = sentinel.metadatas().list(RG, WS).stream().collect(Collectors.toList());
        assertEquals(3, all.size());
        assertTrue(all.stream().allMatch(m -> m.source().kind() == SourceKind.SOURCE_REPOSITORY));

        MetadataModel updated = sentinel.metadatas().get(RG, WS, "analytics-owned-0").update().withVersion("1.0.1")
                .apply();
        assertEquals("1.0.1", updated.version());
        assertEquals("owned-0", sentinel.metadatas().get(RG, WS, "analytics-owned-0").contentId(), "PATCH merges");

        sentinel.metadatas().delete(RG, WS, "analytics-owned-0");
        assertEquals(2, sentinel.metadatas().list(RG, WS).stream().count());
    }

    @Test
    void metadataWithAnUnknownSourceKindIsRejected() {
        // The SDK checks parentId itself, so the server-side check shown here is the source-kind enum.
        ManagementException e = assertThrows(ManagementException.class, () -> fx.sentinel().metadatas()
                .define("odd-source").withExistingWorkspace(RG, "ws-odd").withParentId(SandboxFixture.rulePath("x"))
                .withKind(Kind.ANALYTICS_RULE)
                .withSource(new MetadataSource().withKind(SourceKind.fromString("GitHub"))).create());
        assertEquals(400, e.getResponse().getStatusCode());
        assertTrue(e.getValue().getMessage().contains("properties.source.kind"), e.getValue().getMessage());
        assertTrue(e.getValue().getMessage().contains("SourceRepository"), "names the allowed values");
    }

    @Test
    void savedSearchLifecycleWithLogAnalyticsStatuses() {
        SavedSearches searches = fx.logAnalytics().savedSearches();
        SavedSearch created = searches.define("hunt-1").withExistingWorkspace(RG, "ws-hunting")
                .withCategory("Hunting Queries").withDisplayName("Rare processes").withQuery("SecurityEvent | take 10")
                .withTags(List.of(new Tag().withName("tactics").withValue("Execution,Persistence")))
                .withVersion(2L).create();
        assertEquals("Microsoft.OperationalInsights/savedSearches", created.type());
        assertTrue(created.id().contains("/resourcegroups/" + RG + "/"), created.id());
        assertTrue(created.etag().startsWith("W/\"datetime'"), created.etag());
        searches.define("hunt-2").withExistingWorkspace(RG, "ws-hunting").withCategory("Hunting Queries")
                .withDisplayName("Second").withQuery("Heartbeat").create();
        searches.define("hunt-3").withExistingWorkspace(RG, "ws-hunting").withCategory("Hunting Queries")
                .withDisplayName("Third").withQuery("Heartbeat").create();

        assertEquals(3, searches.listByWorkspace(RG, "ws-hunting").value().size(), "not paged, whatever page size");

        SavedSearch updated = searches.get(RG, "ws-hunting", "hunt-1").update().withQuery("SecurityEvent | take 5")
                .apply();
        assertEquals("SecurityEvent | take 5", updated.query());
        assertNotEquals(created.etag(), updated.etag());

        ManagementException noEtag = assertThrows(ManagementException.class, () -> searches.define("hunt-1")
                .withExistingWorkspace(RG, "ws-hunting").withCategory("Hunting Queries").withDisplayName("Again")
                .withQuery("Heartbeat").create());
        assertEquals(409, noEtag.getResponse().getStatusCode());
        assertTrue(noEtag.getValue().getMessage().contains("'*'"), noEtag.getValue().getMessage());

        SavedSearch overwritten = searches.define("hunt-1").withExistingWorkspace(RG, "ws-hunting")
                .withCategory("Hunting Queries").withDisplayName("Again").withQuery("Heartbeat").withEtag("*").create();
        assertEquals("Again", overwritten.displayName());

        assertEquals(200, searches.deleteWithResponse(RG, "ws-hunting", "hunt-1", Context.NONE).getStatusCode());
        assertEquals(200, searches.deleteWithResponse(RG, "ws-hunting", "hunt-1", Context.NONE).getStatusCode(),
                "Log Analytics answers 200 even when nothing was deleted");
        ManagementException gone = assertThrows(ManagementException.class,
                () -> searches.get(RG, "ws-hunting", "hunt-1"));
        assertEquals(404, gone.getResponse().getStatusCode());
        assertEquals(2, searches.listByWorkspace(RG, "ws-hunting").value().size());
    }
}
