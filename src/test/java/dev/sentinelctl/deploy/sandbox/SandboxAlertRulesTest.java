package dev.sentinelctl.deploy.sandbox;

import static dev.sentinelctl.deploy.sandbox.SandboxFixture.RG;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.WS;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.rest.Response;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.resourcemanager.securityinsights.models.AlertRule;
import com.azure.resourcemanager.securityinsights.models.AlertRules;
import com.azure.resourcemanager.securityinsights.models.AlertSeverity;
import com.azure.resourcemanager.securityinsights.models.NrtAlertRule;
import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Alert rules through the real SDK over HTTPS; each test uses its own workspace so tests stay independent. */
class SandboxAlertRulesTest {
    private static SandboxFixture fx;
    private static AlertRules rules;

    @BeforeAll
    static void start() throws Exception {
        fx = SandboxFixture.start(SandboxOptions.defaults().withPageSize(2));
        rules = fx.sentinel().alertRules();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void scheduledRuleIsCreatedThenUpdatedAndReadBack() {
        Response<AlertRule> created = rules.createOrUpdateWithResponse(RG, WS, "brute-force", scheduled("Brute force"),
                Context.NONE);
        assertEquals(201, created.getStatusCode());
        AlertRule rule = created.getValue();
        assertEquals("brute-force", rule.name());
        assertEquals("Microsoft.SecurityInsights/alertRules", rule.type());
        assertEquals(SandboxFixture.rulePath("brute-force"), rule.id());
        assertTrue(rule.etag().startsWith("\"") && rule.etag().endsWith("\""), rule.etag());
        assertNotNull(rule.systemData().createdAt());

        Response<AlertRule> updated = rules.createOrUpdateWithResponse(RG, WS, "brute-force",
                scheduled("Brute force v2").withSeverity(AlertSeverity.HIGH), Context.NONE);
        assertEquals(200, updated.getStatusCode());

        ScheduledAlertRule back = assertInstanceOf(ScheduledAlertRule.class,
                rules.get(RG, WS, "brute-force").innerModel());
        assertEquals("Brute force v2", back.displayName());
        assertEquals(AlertSeverity.HIGH, back.severity());
        assertEquals(Duration.ofDays(1), back.queryPeriod());
        assertNotNull(back.lastModifiedUtc());
        assertEquals(rule.systemData().createdAt(), back.systemData().createdAt());
    }

    @Test
    void nrtRuleRoundTrips() {
        NrtAlertRule nrt = new NrtAlertRule().withDisplayName("NRT logon").withEnabled(true)
                .withQuery("SigninLogs | where ResultType != 0").withSeverity(AlertSeverity.LOW)
                .withSuppressionEnabled(false).withSuppressionDuration(Duration.ofHours(1));
        rules.createOrUpdate(RG, "ws-nrt", "nrt-1", nrt);
        NrtAlertRule back = assertInstanceOf(NrtAlertRule.class, rules.get(RG, "ws-nrt", "nrt-1").innerModel());
        assertEquals("SigninLogs | where ResultType != 0", back.query());
    }

    @Test
    void listFollowsNextLinkAcrossPages() {
        for (int i = 0; i < 5; i++) {
            rules.createOrUpdate(RG, "ws-paging", "rule-" + i, scheduled("Rule " + i));
        }
        long listsBefore = fx.sandbox.stats().count("LIST", "alertRules");
        List<String> names = rules.list(RG, "ws-paging").stream().map(AlertRule::name).collect(Collectors.toList());
        assertEquals(List.of("rule-0", "rule-1", "rule-2", "rule-3", "rule-4"), names);
        assertEquals(3, fx.sandbox.stats().count("LIST", "alertRules") - listsBefore, "5 rules at page size 2");
    }

    @Test
    void updateWithCurrentEtagSucceedsAndStaleEtagIsAConflict() {
        String first = rules.createOrUpdate(RG, "ws-etag", "etag-rule", scheduled("Etag")).etag();
        AlertRule read = rules.get(RG, "ws-etag", "etag-rule");
        assertEquals(first, read.etag());

        String second = rules.createOrUpdate(RG, "ws-etag", "etag-rule",
                scheduled("Etag v2").withEtag(read.etag())).etag();
        assertNotEquals(first, second, "every write assigns a new etag");

        ManagementException stale = assertThrows(ManagementException.class, () ->
                rules.createOrUpdate(RG, "ws-etag", "etag-rule", scheduled("Etag v3").withEtag(first)));
        assertEquals(409, stale.getResponse().getStatusCode());
        assertEquals("Conflict", stale.getValue().getCode());
        assertTrue(stale.getValue().getMessage().contains("stale"), stale.getValue().getMessage());
        assertEquals("Etag v2", ((ScheduledAlertRule) rules.get(RG, "ws-etag", "etag-rule").innerModel()).displayName());
    }

    @Test
    void deleteThenGetIsNotFoundAndDeletingAgainIs204() {
        rules.createOrUpdate(RG, "ws-delete", "doomed", scheduled("Doomed"));
        assertEquals(200, rules.deleteWithResponse(RG, "ws-delete", "doomed", Context.NONE).getStatusCode());
        ManagementException gone = assertThrows(ManagementException.class, () -> rules.get(RG, "ws-delete", "doomed"));
        assertEquals(404, gone.getResponse().getStatusCode());
        assertEquals("NotFound", gone.getValue().getCode());
        assertEquals(204, rules.deleteWithResponse(RG, "ws-delete", "doomed", Context.NONE).getStatusCode());
    }

    @Test
    void invalidScheduleIsRejectedWithTheFieldInTheMessage() {
        ManagementException e = assertThrows(ManagementException.class, () -> rules.createOrUpdate(RG, "ws-invalid",
                "too-often", scheduled("Too often").withQueryFrequency(Duration.ofMinutes(1))));
        assertEquals(400, e.getResponse().getStatusCode());
        assertEquals("BadRequest", e.getValue().getCode());
        assertTrue(e.getValue().getMessage().contains("queryFrequency"), e.getValue().getMessage());

        ManagementException period = assertThrows(ManagementException.class, () -> rules.createOrUpdate(RG,
                "ws-invalid", "short-period", scheduled("Short").withQueryPeriod(Duration.ofMinutes(30))));
        assertTrue(period.getValue().getMessage().contains("queryPeriod"), period.getValue().getMessage());

        ManagementException threshold = assertThrows(ManagementException.class, () -> rules.createOrUpdate(RG,
                "ws-invalid", "threshold", scheduled("Threshold").withTriggerThreshold(20_000)));
        assertTrue(threshold.getValue().getMessage().contains("triggerThreshold"), threshold.getValue().getMessage());
        assertEquals(0, fx.sandbox.stats().countStatus(500));
    }

    @Test
    void changingTheKindOfAnExistingRuleIsRejected() {
        rules.createOrUpdate(RG, "ws-kind", "kind-rule", scheduled("Kind"));
        NrtAlertRule nrt = new NrtAlertRule().withDisplayName("Kind").withEnabled(true).withQuery("T")
                .withSeverity(AlertSeverity.LOW).withSuppressionEnabled(false)
                .withSuppressionDuration(Duration.ofHours(1));
        ManagementException e = assertThrows(ManagementException.class,
                () -> rules.createOrUpdate(RG, "ws-kind", "kind-rule", nrt));
        assertEquals(400, e.getResponse().getStatusCode());
        assertTrue(e.getValue().getMessage().contains("cannot be changed from Scheduled to NRT"),
                e.getValue().getMessage());
    }
}
