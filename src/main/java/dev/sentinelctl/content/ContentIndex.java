package dev.sentinelctl.content;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded content by file and by id, so that a reference written in one file ({@link ContentRef}) finds the item it
 * names. A reference with a slash or a {@code .yaml}/{@code .yml} ending is a file path relative to the referring
 * file's folder; anything else is a content id (case-insensitive, as ARM resource names are).
 */
public final class ContentIndex {
    public static final ContentIndex EMPTY = new ContentIndex(Map.of(), Map.of(), Map.of());

    private final Map<String, ContentItem> byPath;
    private final Map<String, ContentItem> byId;
    /** A parser's content id by its function alias: a call of the alias is an edge only when the content defines it. */
    private final Map<String, String> parserIdsByAlias;

    private ContentIndex(Map<String, ContentItem> byPath, Map<String, ContentItem> byId, Map<String, String> parserIdsByAlias) {
        this.byPath = Map.copyOf(byPath);
        this.byId = Map.copyOf(byId);
        this.parserIdsByAlias = Map.copyOf(parserIdsByAlias);
    }

    public static ContentIndex of(Collection<? extends ContentItem> items) {
        Map<String, ContentItem> byPath = new HashMap<>();
        Map<String, ContentItem> byId = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        for (ContentItem item : items) {
            // items built in code (tests, generated content) may have no document: they are found by id only
            if (item.document() != null) byPath.put(normalise(item.document().source().displayPath()), item);
            if (!item.id().isBlank()) byId.putIfAbsent(item.kind() + "|" + item.id().toLowerCase(Locale.ROOT), item);
            if (item instanceof Parser p && !p.functionAlias().isBlank()) aliases.putIfAbsent(p.functionAlias(), p.id());
        }
        return new ContentIndex(byPath, byId, aliases);
    }

    /** The content id of the parser this content defines under {@code alias}, if any. */
    public Optional<String> parserId(String alias) {
        return Optional.ofNullable(parserIdsByAlias.get(alias));
    }

    /** The items of one kind, in no particular order. */
    public java.util.List<ContentItem> items(ContentKind kind) {
        return byId.values().stream().filter(i -> i.kind() == kind).toList();
    }

    /** The item loaded from a file, by its display path (as {@link #resolve} gives it). */
    public Optional<ContentItem> atPath(String displayPath) {
        return Optional.ofNullable(byPath.get(normalise(displayPath)));
    }

    /** True when a reference names a file rather than an id. */
    public static boolean isPath(String ref) {
        String r = ref.toLowerCase(Locale.ROOT);
        return r.contains("/") || r.contains("\\") || r.endsWith(".yaml") || r.endsWith(".yml");
    }

    /**
     * The item a reference names, of any kind (the caller checks the kind, to say "is a hunting query, not a rule").
     *
     * @param fromFile the referring file's display path (a path reference is relative to its folder)
     */
    public Optional<ContentItem> find(String fromFile, String ref, ContentKind kind) {
        if (isPath(ref)) return Optional.ofNullable(byPath.get(resolve(fromFile, ref)));
        ContentItem same = byId.get(kind + "|" + ref.toLowerCase(Locale.ROOT));
        if (same != null) return Optional.of(same);
        for (ContentKind other : ContentKind.values()) {
            ContentItem hit = byId.get(other + "|" + ref.toLowerCase(Locale.ROOT));
            if (hit != null) return Optional.of(hit);
        }
        return Optional.empty();
    }

    /** A path reference as the display path of the file it names. */
    public static String resolve(String fromFile, String ref) {
        try {
            Path parent = Path.of(fromFile.replace('\\', '/')).getParent();
            Path target = parent == null ? Path.of(ref.replace('\\', '/')) : parent.resolve(ref.replace('\\', '/'));
            return normalise(target.toString());
        } catch (InvalidPathException e) {
            return ref;
        }
    }

    /** A display path in the one form paths are compared in ({@code a/b/../c.yaml} → {@code a/c.yaml}). */
    public static String normalise(String path) {
        try {
            return Path.of(path.replace('\\', '/')).normalize().toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return path;
        }
    }
}
