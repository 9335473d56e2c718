package dev.sentinelctl.kql.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.ColumnChecks;
import dev.sentinelctl.check.MetadataChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The known-false-positive list stays short and names only rules that exist. */
class KnownFalsePositivesTest {
    @Test
    void everyListedRuleExists() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/lint/known-false-positives.md"));
        Set<String> rules = new HashSet<>();
        LintRules.all().forEach(r -> rules.add(r.meta().id()));
        MetadataChecks.RULES.forEach(r -> rules.add(r.id()));
        ColumnChecks.RULES.forEach(r -> rules.add(r.id()));
        Matcher m = Pattern.compile("^- `([A-Za-z-]+)`", Pattern.MULTILINE).matcher(text);
        int entries = 0;
        while (m.find()) {
            entries++;
            assertTrue(rules.contains(m.group(1)), m.group(1) + " is not a rule");
        }
        assertTrue(entries > 0 && entries <= 10, "the list is kept short: " + entries);
    }
}
