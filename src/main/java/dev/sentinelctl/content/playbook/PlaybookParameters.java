package dev.sentinelctl.content.playbook;

import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters a playbook deploys with in one workspace: the parameter file {@link ParameterFiles} chooses, plus
 * {@code workspace} when the template declares it (Repositories passes {@code -workspace <name>} exactly then), checked
 * against the template as ARM would check them at deployment time — but before anything is sent, at file positions.
 */
public final class PlaybookParameters {

    /**
     * @param parameters  the deployment's {@code parameters} ({@code {name: {value|reference}}}), names spelled as the
     *                    template spells them
     * @param source      which file they came from and why
     * @param diagnostics what keeps the deployment from succeeding (empty when it can be sent)
     */
    public record Resolved(ObjectNode parameters, ParameterFiles.Resolution source, List<Diagnostic> diagnostics) {
        public Resolved {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean ok() {
            return diagnostics.isEmpty();
        }
    }

    private final YamlLoader loader = new YamlLoader();

    /**
     * @param templateRelative the template's path relative to the repository root
     * @param workspaceId      the workspace's id (customerId GUID) for the workspace-specific and mapped files, or null
     * @param workspaceName    the workspace's name, passed as {@code workspace} when the template declares it
     */
    public Resolved resolve(PlaybookTemplate template, ParameterFiles files, String templateRelative, String workspaceId,
            String workspaceName) {
        List<Diagnostic> out = new ArrayList<>();
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        ParameterFiles.Resolution source = files.resolve(templateRelative, workspaceId);
        YamlDocument tdoc = template.document();
        source.problem().ifPresent(p -> out.add(PlaybookReader.at(tdoc, "", "PLAYBOOK-parameter-file", p,
                "Fix the path in parameterfilemappings, or remove the mapping to use the files beside the template.")));
        if (source.file().isPresent()) {
            YamlLoader.Result loaded = loader.load(source.file().get(), source.relative());
            out.addAll(loaded.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
            loaded.document().ifPresent(doc -> read(doc, template, params, out));
        }
        if (workspaceName != null) {
            template.parameter("workspace").filter(p -> !has(params, p.name()))
                    .ifPresent(p -> params.putObject(p.name()).put("value", workspaceName));
        }
        for (PlaybookTemplate.TemplateParameter p : template.parameters()) {
            if (!p.required() || has(params, p.name())) continue;
            out.add(PlaybookReader.at(tdoc, p.pointer(), "PLAYBOOK-parameter-missing", "parameter '" + p.name()
                    + "' has no defaultValue and no value (" + (source.rule() == ParameterFiles.Rule.NONE
                    ? "no parameter file" : source.rule().description() + " parameter file " + source.relative()) + ")",
                    "Give it a value in " + source.expected() + (workspaceId == null ? "" : " or " + source.expected()
                            .replaceFirst("\\.parameters\\.json$", ".parameters-" + workspaceId + ".json"))
                            + ", or a defaultValue in the template."));
        }
        return new Resolved(params, source, out);
    }

    private static void read(YamlDocument doc, PlaybookTemplate template, ObjectNode params, List<Diagnostic> out) {
        JsonNode values = doc.root().path("parameters");
        if (!values.isObject()) {
            out.add(at(doc, doc.root().has("parameters") ? "/parameters" : "", "PLAYBOOK-parameter-file",
                    "a parameter file needs a \"parameters\" object",
                    "Write it as ARM parameter files are: {\"$schema\": …deploymentParameters.json#, \"parameters\": {\"name\": {\"value\": …}}}."));
            return;
        }
        for (var e : values.properties()) {
            String pointer = Pointers.of("parameters", e.getKey());
            Optional<PlaybookTemplate.TemplateParameter> declared = template.parameter(e.getKey());
            if (declared.isEmpty()) {
                out.add(at(doc, pointer, "PLAYBOOK-parameter-unknown", "parameter '" + e.getKey() + "' is not declared in "
                        + template.file() + "; ARM rejects a deployment with it",
                        "Remove it, or declare it under the template's \"parameters\"."));
                continue;
            }
            JsonNode v = e.getValue();
            if (!v.isObject() || !(v.has("value") || v.has("reference"))) {
                out.add(at(doc, pointer, "PLAYBOOK-parameter-value", "parameter '" + e.getKey()
                        + "' must be an object with \"value\" (or a Key Vault \"reference\")",
                        "Write it as \"" + e.getKey() + "\": {\"value\": …}."));
                continue;
            }
            params.set(declared.get().name(), v.deepCopy());
        }
    }

    private static boolean has(ObjectNode params, String name) {
        for (String n : params.propertyNames()) if (n.equalsIgnoreCase(name)) return true;
        return false;
    }

    private static Diagnostic at(YamlDocument doc, String pointer, String rule, String message, String hint) {
        Span span = doc.spanOf(pointer, true);
        return new Diagnostic(rule, Severity.ERROR, doc.source().displayPath(), span.line(), span.column(), span.endLine(),
                span.endColumn(), message, hint);
    }
}
