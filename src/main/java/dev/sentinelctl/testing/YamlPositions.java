package dev.sentinelctl.testing;

import dev.sentinelctl.content.YamlDocument;
import java.util.Map;

/** Locations of nodes of a YAML (or JSON) document by JSON pointer. */
final class YamlPositions {
    private YamlPositions() {}

    static Location at(YamlDocument doc, String pointer, boolean preferKey) {
        return new Location(doc.source().displayPath(), doc.spanOf(pointer, preferKey));
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** A row mapping at {@code pointer}; {@code keys} maps a column name to the key as written (they differ for {@code X [UTC]}). */
    static RawRow.Locator rowLocator(YamlDocument doc, String pointer, Map<String, String> keys) {
        return new RawRow.Locator() {
            @Override
            public Location key(String column) {
                return at(doc, child(pointer, keys.getOrDefault(column, column)), true);
            }

            @Override
            public Location value(String column) {
                return at(doc, child(pointer, keys.getOrDefault(column, column)), false);
            }
        };
    }
}
