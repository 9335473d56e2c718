package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The function catalog, parsed one function at a time. Opening it reads the 200 KB resource and notes
 * where each {@code F} record starts; parsing all 660 functions from a cold JVM costs ~100 ms of
 * interpreted code, a query calls a handful.
 */
final class FunctionStore {

    private record Span(int start, int end) {
    }

    private final String text;
    private final Map<FunctionKind, Map<String, Span>> index;
    private final Map<FunctionKind, Set<String>> visible;
    private final ConcurrentHashMap<String, FunctionSymbol> parsed = new ConcurrentHashMap<>();

    FunctionStore(String resource) {
        this.text = new String(Resources.bytes(resource), java.nio.charset.StandardCharsets.UTF_8);
        Map<FunctionKind, Map<String, Span>> idx = new EnumMap<>(FunctionKind.class);
        Map<FunctionKind, Set<String>> shown = new EnumMap<>(FunctionKind.class);
        for (FunctionKind k : FunctionKind.values()) {
            idx.put(k, new LinkedHashMap<>());
            shown.put(k, new LinkedHashSet<>());
        }
        int pos = text.startsWith("F\t") ? 0 : next(0);
        while (pos >= 0) {
            int end = next(pos + 1);
            int nameEnd = text.indexOf('\t', pos + 2);
            int kindEnd = text.indexOf('\t', nameEnd + 1);
            String name = text.substring(pos + 2, nameEnd);
            FunctionKind kind = FunctionKind.fromCode(text.substring(nameEnd + 1, kindEnd));
            idx.get(kind).put(name, new Span(pos, end < 0 ? text.length() : end));
            // the flags field follows the kind; 'h' = hidden from completion (obsolete aliases and internals)
            if (text.charAt(kindEnd + 1) != 'h') shown.get(kind).add(name);
            pos = end;
        }
        idx.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        shown.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        this.index = idx;
        this.visible = shown;
    }

    /** Start of the next F record after {@code from}, or -1. */
    private int next(int from) {
        int i = text.indexOf("\nF\t", from);
        return i < 0 ? -1 : i + 1;
    }

    Optional<FunctionSymbol> function(FunctionKind kind, String name) {
        Span span = index.get(kind).get(name);
        if (span == null) return Optional.empty();
        String key = kind.ordinal() + ":" + name;
        return Optional.of(parsed.computeIfAbsent(key, k ->
                CatalogFormat.parseFunctions(List.of(text.substring(span.start(), span.end()).split("\n"))).get(0)));
    }

    Set<String> names(FunctionKind kind) {
        return index.get(kind).keySet();
    }

    /** Names not marked hidden: what "did you mean" should offer. */
    Set<String> visibleNames(FunctionKind kind) {
        return visible.get(kind);
    }

    int parsedCount() {
        return parsed.size();
    }
}
