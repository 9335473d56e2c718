package dev.sentinelctl.kql.semantic.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON tree whose every node remembers where it started, so schema errors ("property Name missing")
 * point at a line and column of the user's file. Only what schema files need; not a general JSON API.
 */
public sealed interface JsonValue {

    int line();

    int column();

    record JsonObject(Map<String, JsonValue> members, int line, int column) implements JsonValue {
        public JsonObject {
            members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
        }

        /** Member lookup ignoring key case, as Newtonsoft does for Azure-Sentinel's schema files. */
        public Optional<JsonValue> get(String... names) {
            for (String n : names) {
                JsonValue v = members.get(n);
                if (v != null) return Optional.of(v);
            }
            for (String n : names) {
                for (Map.Entry<String, JsonValue> e : members.entrySet()) {
                    if (e.getKey().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))) {
                        return Optional.of(e.getValue());
                    }
                }
            }
            return Optional.empty();
        }

        public Optional<String> string(String... names) {
            return get(names).flatMap(JsonValue::asText);
        }
    }

    record JsonArray(List<JsonValue> items, int line, int column) implements JsonValue {
        public JsonArray {
            items = List.copyOf(items);
        }
    }

    record JsonString(String value, int line, int column) implements JsonValue {
    }

    /** Numbers keep their source text; schema files only ever need them as text. */
    record JsonNumber(String text, int line, int column) implements JsonValue {
    }

    record JsonBool(boolean value, int line, int column) implements JsonValue {
    }

    record JsonNull(int line, int column) implements JsonValue {
    }

    /** Strings as-is, numbers and booleans as their text; objects, arrays and null give empty. */
    default Optional<String> asText() {
        if (this instanceof JsonString s) return Optional.of(s.value());
        if (this instanceof JsonNumber n) return Optional.of(n.text());
        if (this instanceof JsonBool b) return Optional.of(Boolean.toString(b.value()));
        return Optional.empty();
    }

    default String kindName() {
        if (this instanceof JsonObject) return "an object";
        if (this instanceof JsonArray) return "an array";
        if (this instanceof JsonString) return "a string";
        if (this instanceof JsonNumber) return "a number";
        if (this instanceof JsonBool) return "a boolean";
        return "null";
    }
}
