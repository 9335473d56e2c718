package dev.sentinelctl.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One field that differs: its dotted path ({@code properties.severity}), the workspace's value and the repository's
 * value ({@code null} = absent). Objects are compared field by field; lists and scalars as whole values; fields named
 * {@code query} through {@link StateNormalizer#sameQuery}.
 */
public record FieldDiff(String path, JsonNode before, JsonNode after) {

    /** The differences between two normalised resources, in field order (before's fields, then after's new ones). */
    public static List<FieldDiff> between(JsonNode before, JsonNode after) {
        List<FieldDiff> out = new ArrayList<>();
        walk("", before, after, out);
        return out;
    }

    private static void walk(String path, JsonNode before, JsonNode after, List<FieldDiff> out) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            before.propertyNames().forEach(keys::add);
            after.propertyNames().forEach(keys::add);
            for (String k : keys) walk(path.isEmpty() ? k : path + "." + k, before.get(k), after.get(k), out);
            return;
        }
        if (before == null && after == null) return;
        if (before != null && after != null) {
            boolean query = path.equals("query") || path.endsWith(".query");
            if (query && before.isString() && after.isString()
                    ? StateNormalizer.sameQuery(before.asString(), after.asString()) : before.equals(after)) {
                return;
            }
        }
        out.add(new FieldDiff(path, before, after));
    }

    /** A value for people: text as is, JSON otherwise, {@code (absent)} for none. */
    public static String show(JsonNode v) {
        if (v == null) return "(absent)";
        return v.isString() ? "\"" + v.asString() + "\"" : v.toString();
    }

    public boolean multiLine() {
        return (before != null && before.isString() && before.asString().contains("\n"))
                || (after != null && after.isString() && after.asString().contains("\n"));
    }
}
