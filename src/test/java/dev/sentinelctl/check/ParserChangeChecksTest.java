package dev.sentinelctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.ContentMapper;
import dev.sentinelctl.content.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PR mode over parsers: what counts as a change callers see (a parser edit is not a change of kind). */
class ParserChangeChecksTest {
    static final String PARSER = """
            id: 9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d
            name: Failed logons
            functionAlias: FailedLogons
            parameters:
              - name: lookback
                type: timespan
                default: 1d
            query: |
              SecurityEvent | where TimeGenerated > ago(lookback)
            version: 1.0.0
            """;

    private static ContentItem parser(String text) {
        return new ContentMapper().map(new YamlLoader().load(text.getBytes(StandardCharsets.UTF_8), "p.yaml").document().orElseThrow(),
                ContentKind.PARSER);
    }

    @Test
    void parserChangesAreNamed() {
        ChangeChecks checks = new ChangeChecks();
        assertEquals(List.of(), checks.logicChanges(parser(PARSER), parser(PARSER.replace("name: Failed logons", "name: Failed"))));
        assertEquals(List.of("query"), checks.logicChanges(parser(PARSER), parser(PARSER.replace("ago(lookback)", "ago(lookback) | take 5"))));
        assertEquals(List.of("parameters"), checks.logicChanges(parser(PARSER), parser(PARSER.replace("default: 1d", "default: 2d"))));
        assertEquals(List.of("functionAlias"), checks.logicChanges(parser(PARSER), parser(PARSER.replace("functionAlias: FailedLogons",
                "functionAlias: FailedLogonsV2"))));
    }
}
