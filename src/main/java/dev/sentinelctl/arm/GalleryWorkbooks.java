package dev.sentinelctl.arm;

import dev.sentinelctl.content.ContentKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Azure-Sentinel's own workbook form: a gallery template {@code Workbooks/<Name>.json} ({@code "version":
 * "Notebook/1.0"}) described by an entry of {@code Workbooks/WorkbooksMetadata.json} (title, description, version,
 * {@code templateRelativePath}). Imported as the workbook YAML + the JSON beside it.
 */
final class GalleryWorkbooks {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("^[0-9]+\\.[0-9]+\\.[0-9]+$");

    private GalleryWorkbooks() {
    }

    static boolean isGallery(JsonNode root) {
        return root != null && root.isObject() && root.path("version").asString("").equals("Notebook/1.0")
                && root.path("items").isArray();
    }

    static ArmImporter.Result imported(JsonNode root, Path file, String display) {
        List<ArmImporter.Problem> problems = new ArrayList<>();
        String fileName = file.getFileName().toString();
        JsonNode meta = metadataFor(file, fileName);
        String key = meta.path("workbookKey").asString(fileName.replaceFirst("(?i)\\.json$", ""));
        String id = UUID.nameUUIDFromBytes(("sentinelctl:workbook:" + key).getBytes(StandardCharsets.UTF_8)).toString();
        problems.add(new ArmImporter.Problem(display, "$", "a gallery template has no id; id " + id + " derived from '"
                + key + "'", ArmImporter.Level.UNRESOLVED));
        problems.add(new ArmImporter.Problem(display, "$", "a gallery template has no location; add location: <region> to "
                + "the workbook YAML", ArmImporter.Level.UNRESOLVED));
        ObjectNode props = JsonNodeFactory.instance.objectNode();
        props.put("displayName", meta.path("title").asString(key));
        if (meta.path("description").isString()) props.put("description", meta.path("description").asString());
        Optional<String> version = Optional.of(meta.path("version").asString("")).filter(v -> VERSION.matcher(v).matches());
        ObjectNode yaml = WorkbookYaml.toYaml(id, props, "", Map.of(), version);
        String text = WorkbookYaml.canonicalGallery(MAPPER.writeValueAsString(root)) + "\n";
        return new ArmImporter.Result(List.of(new ArmImporter.Imported(ContentKind.WORKBOOK, yaml, display, "$",
                Optional.empty(), Map.of(".json", text))), problems, 0);
    }

    /** The WorkbooksMetadata.json entry of this template, or an empty object. */
    private static JsonNode metadataFor(Path file, String fileName) {
        Path meta = file.resolveSibling("WorkbooksMetadata.json");
        try {
            if (!Files.isRegularFile(meta)) return JsonNodeFactory.instance.objectNode();
            for (JsonNode e : MAPPER.readTree(Files.readString(meta, StandardCharsets.UTF_8))) {
                String rel = e.path("templateRelativePath").asString("");
                if (rel.equalsIgnoreCase(fileName) || rel.toLowerCase(java.util.Locale.ROOT).endsWith("/" + fileName.toLowerCase(java.util.Locale.ROOT))) {
                    return e;
                }
            }
        } catch (java.io.IOException | tools.jackson.core.JacksonException e) {
            // no usable metadata: the file name stands in for the title
        }
        return JsonNodeFactory.instance.objectNode();
    }
}
