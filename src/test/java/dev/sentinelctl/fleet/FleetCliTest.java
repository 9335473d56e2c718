package dev.sentinelctl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCliTest {

    @Test
    void targetsAndShards(@TempDir Path dir) throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, FleetTargetQueriesTest.FLEET);
        FleetReportTest.Run all = FleetReportTest.run("fleet", "targets", fleet.toString());
        assertEquals(0, all.code(), all.err());
        assertEquals(2, all.out().lines().count(), all.out());
        assertTrue(all.out().startsWith("canary\t/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-sentinel/"), all.out());
        int total = 0;
        for (int i = 1; i <= 3; i++) total += (int) FleetReportTest.run("fleet", "targets", fleet.toString(), "--shard", i + "/3").out().lines().count();
        assertEquals(2, total);
        assertEquals(1, FleetReportTest.run("fleet", "targets", fleet.toString(), "--ring", "broad").out().lines().count());
        assertEquals(2, FleetReportTest.run("fleet", "targets", fleet.toString(), "--shard", "4/3").code());
    }

    @Test
    void checkFindsWhatAPlanWouldRefuse(@TempDir Path dir) throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, FleetTargetQueriesTest.FLEET);
        FleetReportTest.Run r = FleetReportTest.run("fleet", "check", fleet.toString(), "content");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("law-fabrikam: content/Detections/EmailEvents/MailSurgeFromOneSender.yaml: exclusion 'excludedSenderDomains'"), r.out());
        assertTrue(r.out().contains("exclusion 'excludedSubjet' is set but no content item declares it"), r.out());
        assertTrue(r.out().matches("(?s).*Checked 2 workspaces in 2 rings against \\d+ items: 2 failures, 1 undeclared exclusion names.*"), r.out());

        Files.writeString(fleet, FleetTargetQueriesTest.FLEET.replace("excludedSenderDomains: {watchlist: BenignDomains}", "excludedSenderDomains: [x.example]")
                .replace("        excludedSubjet: [typo]\n", ""));
        FleetReportTest.Run clean = FleetReportTest.run("fleet", "check", fleet.toString(), "content");
        assertEquals(0, clean.code(), clean.out() + clean.err());

        Files.writeString(fleet, FleetTargetQueriesTest.FLEET.replace("excludedSenderDomains: {watchlist: BenignDomains}", "excludedSenderDomains: [x.example]")
                .replace("        excludedSubjet: [typo]\n", "").replace("  defaults:\n", "  defaults:\n    overrides: {deadbeef-0000-0000-0000-000000000000: {enabled: false}}\n"));
        FleetReportTest.Run unknownId = FleetReportTest.run("fleet", "check", fleet.toString(), "content");
        assertEquals(1, unknownId.code(), unknownId.out() + unknownId.err());
        assertTrue(unknownId.out().contains("overrides name content id deadbeef-0000-0000-0000-000000000000, which no content item has"), unknownId.out());

        Files.writeString(fleet, "fleet:\n  rings:\n    - name: canary\n      workspaces: [{name: law-x, clientSecret: abc}]\n");
        FleetReportTest.Run bad = FleetReportTest.run("fleet", "check", fleet.toString(), "content");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("fleet.yaml:4:34: error FLEET-secret 'clientSecret' looks like a secret"), bad.err());
    }
}
