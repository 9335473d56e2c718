package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one item's edges need to know about the rest of the content being deployed: which parser aliases it defines
 * (a call to {@code imDns} is an edge only when {@code imDns} is a parser of this content; a built-in function or a
 * parser that only the workspace has is not). Built once per run from every loaded item.
 *
 * @param parserIdsByAlias a parser's resource name (its content id) by its function alias
 */
public record ContentIndex(Map<String, String> parserIdsByAlias) {
    public static final ContentIndex EMPTY = new ContentIndex(Map.of());

    public ContentIndex {
        parserIdsByAlias = Map.copyOf(parserIdsByAlias);
    }

    public static ContentIndex of(List<? extends ContentItem> items) {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (ContentItem item : items) {
            if (item instanceof Parser p && !p.functionAlias().isBlank()) aliases.putIfAbsent(p.functionAlias(), p.id());
        }
        return new ContentIndex(aliases);
    }
}
