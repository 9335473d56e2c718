package dev.sentinelctl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What counts as a difference between the repository's and the workspace's form of a resource. */
class DeployNormalizerTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    @Test
    void queriesCompareAsTokensWithoutTrivia() {
        assertTrue(StateNormalizer.sameQuery("T | where A == 1", "// c\nT\n|   where A==1 // x\n"));
        assertFalse(StateNormalizer.sameQuery("T | where A == 'x y'", "T | where A == 'x  y'"), "strings count");
        assertFalse(StateNormalizer.sameQuery("T | where A == 1", "T | where A == 2"));
    }

    @Test
    void defaultsDurationsSetsAndReadOnlyFieldsAreNotDifferences() {
        JsonNode desired = StateNormalizer.alertRule("Scheduled", json("""
                {"displayName":"R","query":"T","queryFrequency":"PT1H","queryPeriod":"P1D","triggerOperator":"GreaterThan",
                 "triggerThreshold":0,"tactics":["Persistence","Execution"],"techniques":[],"enabled":true}"""));
        JsonNode actual = StateNormalizer.alertRule("Scheduled", json("""
                {"displayName":"R","query":"T\\n","queryFrequency":"PT60M","queryPeriod":"PT24H","triggerOperator":"gt",
                 "triggerThreshold":0.0,"tactics":["Execution","Persistence"],"lastModifiedUtc":"2026-11-27T10:00:00Z",
                 "suppressionEnabled":false,"suppressionDuration":"PT5H","incidentConfiguration":{"createIncident":true,
                 "groupingConfiguration":{"enabled":false,"reopenClosedIncident":false,"lookbackDuration":"PT5H",
                 "matchingMethod":"AllEntities"}},"eventGroupingSettings":{"aggregationKind":"SingleAlert"},
                 "alertDetailsOverride":null}"""));
        assertEquals(List.of(), FieldDiff.between(actual, desired));
    }

    @Test
    void realDifferencesArePathsWithBothValues() {
        JsonNode a = StateNormalizer.alertRule("Scheduled", json("{\"enabled\":false,\"severity\":\"Low\",\"query\":\"T\"}"));
        JsonNode b = StateNormalizer.alertRule("NRT", json("{\"severity\":\"Low\",\"query\":\"T\",\"customDetails\":{\"A\":\"b\"}}"));
        List<FieldDiff> diffs = FieldDiff.between(a, b);
        assertEquals(List.of("kind", "properties.enabled", "properties.customDetails"),
                diffs.stream().map(FieldDiff::path).toList());
        assertEquals("false", FieldDiff.show(diffs.get(1).before()));
        assertEquals("(absent)", FieldDiff.show(diffs.get(2).before()));
    }

    @Test
    void savedSearchTagsCompareByNameNotOrder() {
        JsonNode a = StateNormalizer.savedSearch(json("""
                {"category":"Hunting Queries","displayName":"H","query":"T","version":2,
                 "tags":[{"name":"tactics","value":"Execution"},{"name":"description","value":"d"}]}"""));
        JsonNode b = StateNormalizer.savedSearch(json("""
                {"category":"Hunting Queries","displayName":"H","query":"T","version":2.0,
                 "tags":[{"name":"description","value":"d"},{"name":"tactics","value":"Execution"}]}"""));
        assertEquals(List.of(), FieldDiff.between(a, b));
    }

    @Test
    void lineDiffShowsRemovalsThenAdditionsWithContext() {
        List<String> d = LineDiff.unified("a\nb\nc\nd\ne\nf\ng\nh", "a\nb\nc\nd\nE\nf\ng\nh");
        assertEquals(List.of("@@", " b", " c", " d", "-e", "+E", " f", " g", " h"), d);
    }
}
