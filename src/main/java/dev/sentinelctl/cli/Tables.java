package dev.sentinelctl.cli;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.kql.syntax.KqlParser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The tables a content item reads, for catalogs: what its query names in table position, else its declared data types. */
final class Tables {
    private Tables() {}

    static List<String> read(ContentItem item) {
        Set<String> tables = new LinkedHashSet<>(KqlParser.parse(item.query().text()).referencedTables());
        if (tables.isEmpty()) item.requiredDataConnectors().forEach(c -> tables.addAll(c.dataTypes()));
        return List.copyOf(tables);
    }
}
