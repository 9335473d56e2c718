package dev.sentinelctl.cli;

import dev.sentinelctl.content.ContentItem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The tables a content item reads, for catalogs. */
final class Tables {
    private Tables() {}

    static List<String> read(ContentItem item) {
        Set<String> tables = new LinkedHashSet<>();
        item.requiredDataConnectors().forEach(c -> tables.addAll(c.dataTypes()));
        return List.copyOf(tables);
    }
}
