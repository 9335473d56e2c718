package dev.sentinelctl.check;

import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.Workbook;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A workbook's gallery JSON: it must exist beside the YAML and be a JSON object (the service rejects anything else);
 * a gallery that is not {@code Notebook/1.0} or embeds a resource id is deployable but not portable (Microsoft's own
 * workbook template checks), so a warning.
 */
public final class WorkbookChecks implements ItemCheck {
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** The rules this check reports, for SARIF and {@code sentinelctl rules}. */
    public static final List<dev.sentinelctl.report.RuleInfo> RULES = List.of(
            new dev.sentinelctl.report.RuleInfo("WORKBOOK-gallery", "WorkbookGallery", Severity.ERROR,
                    "A workbook's gallery JSON is missing, not JSON or not a JSON object.",
                    "The service rejects a workbook whose serializedData does not parse as a JSON object.",
                    "Save the Gallery Template from the workbook's Advanced Editor beside the YAML."),
            new dev.sentinelctl.report.RuleInfo("WORKBOOK-gallery-version", "WorkbookGalleryVersion", Severity.WARNING,
                    "A workbook's gallery JSON is not Notebook/1.0.",
                    "An ARM template saved in place of the gallery template deploys as a broken workbook.",
                    "Export the Gallery Template, not the ARM template."),
            new dev.sentinelctl.report.RuleInfo("WORKBOOK-embedded-resource-id", "WorkbookEmbeddedResourceId",
                    Severity.WARNING, "A workbook's gallery JSON embeds a resource id.",
                    "The workbook then reads one fixed workspace wherever it is deployed.",
                    "Use the workbook's resource parameters instead of a fixed id."));

    @Override
    public List<Diagnostic> check(ItemContext context) {
        if (!(context.item() instanceof Workbook w)) return List.of();
        String path = w.document().source().displayPath();
        Span at = w.document().root().has("serializedData") ? w.document().spanOf("/serializedData", false)
                : w.document().spanOf("/id", true);
        if (w.gallery() instanceof Workbook.Gallery.Unreadable u) {
            return List.of(at("WORKBOOK-gallery", Severity.ERROR, path, at,
                    "the workbook's gallery JSON cannot be read (" + u.reason() + ")",
                    "Save the workbook's JSON (Advanced Editor → Gallery Template) as " + w.galleryFile()
                            + " beside this file, or name its path in serializedData:."));
        }
        String text = w.galleryJson().orElse("");
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (tools.jackson.core.JacksonException e) {
            return List.of(at("WORKBOOK-gallery", Severity.ERROR, path, at, w.galleryFile() + " is not JSON: "
                    + e.getOriginalMessage(), "Fix the JSON; the service rejects a workbook whose serializedData does not parse."));
        }
        if (tree == null || !tree.isObject()) {
            return List.of(at("WORKBOOK-gallery", Severity.ERROR, path, at, w.galleryFile()
                    + " is not a JSON object", "A gallery template is an object: {\"version\": \"Notebook/1.0\", \"items\": [...]}."));
        }
        if (!tree.path("version").asString("").equals("Notebook/1.0")) {
            return List.of(at("WORKBOOK-gallery-version", Severity.WARNING, path, at, w.galleryFile()
                    + " has version '" + tree.path("version").asString("") + "', not Notebook/1.0",
                    "Export the Gallery Template (not the ARM template) from the workbook's Advanced Editor."));
        }
        if (text.matches("(?s).*/subscriptions/[0-9a-fA-F-]{36}/resource[gG]roups/.*")) {
            return List.of(at("WORKBOOK-embedded-resource-id", Severity.WARNING, path, at, w.galleryFile()
                    + " embeds a resource id: the workbook points at one workspace wherever it is deployed",
                    "Use the workbook's resource parameters (fallbackResourceIds / {Workspace}) instead of a fixed id."));
        }
        return List.of();
    }

    private static Diagnostic at(String rule, Severity severity, String file, Span span, String message, String hint) {
        return new Diagnostic(rule, severity, file, span.line(), span.column(), span.endLine(), span.endColumn(), message, hint);
    }
}
