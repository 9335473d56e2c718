package dev.sentinelctl.deploy.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.kinds.customdetection.CustomDetectionKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The ownership marker of custom detections: stamped once, read back, keyed by content id, removed on export. */
class CustomDetectionKindTest {
    private static final CustomDetectionKind KIND = CustomDetectionKind.INSTANCE;

    private static ObjectNode body(String description) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("id", "1001");
        b.put("displayName", "D");
        b.putObject("queryCondition").put("queryText", "DeviceEvents | project Timestamp, ReportId, DeviceId");
        b.putObject("schedule").put("period", "1H");
        ObjectNode t = b.putObject("detectionAction").putObject("alertTemplate");
        t.put("title", "D").put("severity", "low").put("category", "Execution");
        if (description != null) t.put("description", description);
        return b;
    }

    private static String description(ObjectNode b) {
        return b.path("detectionAction").path("alertTemplate").path("description").asString();
    }

    @Test
    void stampingTwiceKeepsOneMarkerLineAndItReadsBack() {
        ObjectNode b = KIND.stampOwner(body("Something happened.\n"), "org/repo", "abc-1");
        KIND.stampOwner(b, "org/repo", "abc-1");
        assertEquals("Something happened.\n\nsentinelctl: org/repo abc-1", description(b));
        assertEquals(Optional.of(new Ownership.Mark("org/repo", "abc-1")), KIND.markIn(b));
        assertEquals("abc-1", KIND.nameInList(b));
    }

    @Test
    void anEmptyDescriptionIsJustTheMarkerAndAnUnmarkedDetectionIsKeyedByTheIdItsExportGets() {
        assertEquals("sentinelctl: s c", description(KIND.stampOwner(body(null), "s", "c")));
        ObjectNode handMade = body("made in the portal");
        assertTrue(KIND.markIn(handMade).isEmpty());
        String derived = java.util.UUID.nameUUIDFromBytes("graph-detection-1001".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        assertEquals(derived, KIND.nameInList(handMade));
        var exported = (DeployableKind.AsContent) KIND.export(handMade, Optional.empty());
        assertEquals(derived, exported.yaml().path("id").asString());
    }

    @Test
    void exportDropsTheMarkerAndReadOnlyFieldsAndUsesTheContentId() {
        ObjectNode listed = KIND.stampOwner(body("Why it matters."), "s", "0b6a3f1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b");
        listed.put("createdDateTime", "2026-12-06T00:00:00Z");
        var exported = (DeployableKind.AsContent) KIND.export(listed, Optional.empty());
        assertEquals("Custom Detections", exported.folder());
        assertEquals("0b6a3f1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b", exported.yaml().path("id").asString());
        assertEquals("Why it matters.", description(exported.yaml()));
        assertTrue(!exported.yaml().has("createdDateTime"), exported.yaml().toString());
    }

    @Test
    void normalisedFormComparesTheQueryAsAProgramAndDefaultsIsEnabled() {
        ObjectNode n = KIND.normalise(null, body("x  \n"));
        assertEquals("DeviceEvents | project Timestamp, ReportId, DeviceId", n.path("query").asString());
        assertTrue(n.path("isEnabled").asBoolean());
        assertEquals("x", n.path("alertTemplate").path("description").asString());
    }
}
