package dev.sentinelctl.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The YAML fields an ARM resource cannot carry (requiredDataConnectors, tags, a hunting query's entity
 * mappings, sub-techniques on older api versions, the source file's name …), kept in the template's
 * {@code metadata.sentinelctl} section so {@code import} gives back exactly what {@code build} was given.
 * ARM ignores template metadata, so the template deploys the same with or without it. An entry holds only
 * what differs from what the resource itself says, compared in {@link ContentNormalizer}'s normal form.
 */
public record Sidecar(String file, ObjectNode fields, List<String> absent) {

    public static final String SECTION = "sentinelctl";

    public Sidecar {
        absent = List.copyOf(absent);
    }

    /** What {@code original} has that {@code fromArm} (the inverse mapping of the built resource) lacks. */
    public static Sidecar compute(String file, JsonNode original, ObjectNode fromArm, boolean rule) {
        ObjectNode a = ContentNormalizer.normalise(original, rule);
        ObjectNode b = ContentNormalizer.normalise(fromArm, rule);
        ObjectNode fields = ArmResources.JSON.objectNode();
        for (var e : original.properties()) {
            String f = e.getKey();
            if (e.getValue().isNull()) continue;
            if (!java.util.Objects.equals(a.get(f), b.get(f))) fields.set(f, e.getValue().deepCopy());
        }
        List<String> absent = new ArrayList<>();
        for (var e : b.properties()) {
            if (!a.has(e.getKey()) && fromArm.has(e.getKey())) absent.add(e.getKey());
        }
        return new Sidecar(file, fields, absent);
    }

    /** The imported tree with this entry's fields restored, in Azure-Sentinel order. */
    public ObjectNode applyTo(ObjectNode imported) {
        ObjectNode out = imported.deepCopy();
        absent.forEach(out::remove);
        for (var e : fields.properties()) out.set(e.getKey(), e.getValue().deepCopy());
        return YamlFields.ordered(out);
    }

    public ObjectNode toJson() {
        ObjectNode n = ArmResources.JSON.objectNode();
        n.put("file", file);
        if (!fields.isEmpty()) n.set("fields", fields);
        if (!absent.isEmpty()) {
            ArrayNode a = n.putArray("absent");
            absent.forEach(a::add);
        }
        return n;
    }

    public static Optional<Sidecar> fromJson(JsonNode n) {
        if (n == null || !n.isObject()) return Optional.empty();
        JsonNode file = n.get("file");
        JsonNode fields = n.get("fields");
        List<String> absent = new ArrayList<>();
        JsonNode a = n.get("absent");
        if (a != null && a.isArray()) a.forEach(x -> absent.add(x.asString()));
        return Optional.of(new Sidecar(file != null && file.isString() ? file.asString() : "",
                fields instanceof ObjectNode o ? o : ArmResources.JSON.objectNode(), absent));
    }
}
