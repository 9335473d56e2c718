package dev.sentinelctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentScanner;
import dev.sentinelctl.report.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tests count as firing or silent, and what each minimum requires. */
class PolarityTest {
    @TempDir
    Path dir;

    private List<String> findings(String expects, int minimum) throws Exception {
        Path rule = Files.copy(Path.of("content/Detections/EmailEvents/MailSurgeFromOneSender.yaml"), dir.resolve("R.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ContentItem item = ItemLoader.load(rule, "R.yaml").orElseThrow();
        StringBuilder yaml = new StringBuilder("defaults: {now: 2024-05-01T12:00:00Z}\ntests:\n");
        int i = 0;
        for (String e : expects.split(";")) yaml.append("  - name: t").append(i++).append("\n    expect: ").append(e).append('\n');
        Files.writeString(dir.resolve("R.tests.yaml"), yaml.toString());
        TestSuite suite = new TestSuiteLoader().load(dir.resolve("R.tests.yaml"), "R.tests.yaml").suite().orElseThrow();
        return Polarity.findings(item, Optional.of(suite.tests()), true, minimum).stream().map(Diagnostic::ruleId).toList();
    }

    @Test
    void firesDecidesElseRowCountsAndContains() throws Exception {
        assertEquals(List.of(), findings("{fires: true};{fires: false}", 2));
        assertEquals(List.of(), findings("{rows: {min: 1}};{rows: 0}", 2));
        assertEquals(List.of(), findings("{contains: [{SenderFromAddress: a}]};{rows: {max: 0}}", 2));
        assertEquals(List.of("TEST-missing-negative"), findings("{fires: true};{columns: [Recipients]}", 2));
        assertEquals(List.of("TEST-missing-positive"), findings("{fires: false}", 1));
        assertEquals(List.of(), findings("{fires: true}", 1));
        assertEquals(List.of("TEST-too-few"), findings("{fires: true};{fires: false}", 3));
        assertEquals(List.of(), findings("{columns: [Recipients]}", 0));
    }

    @Test
    void huntingQueriesAndItemsWithAnUnreadableTestsFileAreLeftToOtherFindings() throws Exception {
        Path hunting = Path.of("content/Hunting Queries/EmailEvents/MailflowByDirectionality.yaml");
        ContentItem query = ItemLoader.load(hunting, hunting.toString()).orElseThrow();
        assertEquals(List.of(), Polarity.findings(query, Optional.empty(), false, 2));
        Path rule = Path.of("content/Detections/EmailEvents/MailSurgeFromOneSender.yaml");
        ContentItem item = ItemLoader.load(rule, rule.toString()).orElseThrow();
        assertEquals(List.of(), Polarity.findings(item, Optional.empty(), true, 2));
        assertEquals(2, Polarity.findings(item, Optional.empty(), false, 2).size());
        assertEquals(1, new ContentScanner().scan(List.of(rule.getParent())).files().stream()
                .filter(f -> f.path().getFileName().toString().startsWith("MailSurge")).count(), "the tests file is not content");
    }
}
