package dev.sentinelctl.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Sentinel workbook: a small YAML (this record) beside its gallery JSON (the workbook editor's "Advanced editor"
 * content, {@code {"version":"Notebook/1.0","items":[…]}}), deployed as {@code Microsoft.Insights/workbooks}.
 *
 * @param galleryFile the gallery JSON's path as the YAML names it ({@code serializedData:}), or the YAML's base name
 *                    with {@code .json}
 * @param gallery     the gallery JSON's text, or the reason it could not be read
 * @param location    the Azure region the workbook resource is created in
 * @param tags        extra ARM tags (the ownership tags are added at deploy)
 */
public record Workbook(String id, String name, String description, String category, String location, String sourceId,
                       String galleryFile, Gallery gallery, Map<String, String> tags, String version,
                       YamlDocument document) implements QuerylessItem {
    public static final String DEFAULT_CATEGORY = "sentinel";

    /** The gallery JSON as read beside the YAML. */
    public sealed interface Gallery {
        record Read(String json) implements Gallery {}

        record Unreadable(String reason) implements Gallery {}
    }

    public Workbook {
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }

    public Optional<String> galleryJson() {
        return gallery instanceof Gallery.Read r ? Optional.of(r.json()) : Optional.empty();
    }

    @Override
    public ContentKind kind() {
        return ContentKind.WORKBOOK;
    }





}
