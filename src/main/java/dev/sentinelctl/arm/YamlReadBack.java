package dev.sentinelctl.arm;

import dev.sentinelctl.content.YamlLoader;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Reads written YAML back with {@code validate}'s loader and compares it with the tree it was written from. */
final class YamlReadBack {
    private YamlReadBack() {}

    static boolean same(String text, JsonNode expected) {
        YamlLoader.Result r = new YamlLoader().load(text.getBytes(StandardCharsets.UTF_8), "<import>");
        if (r.document().isEmpty()) return false;
        boolean errors = r.diagnostics().stream().anyMatch(d -> d.severity() == dev.sentinelctl.report.Severity.ERROR);
        return !errors && normal(r.document().get().root()).equals(normal(expected));
    }

    private static JsonNode normal(JsonNode n) {
        return ContentNormalizer.numbers(n);
    }
}
