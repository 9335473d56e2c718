package dev.sentinelctl.content.playbook;

import dev.sentinelctl.content.Playbook;
import dev.sentinelctl.report.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Tells a playbook template among a content folder's JSON files and loads it with the parameter-file rules of the
 * repository it is in: the nearest folder above it holding {@code sentinel-deployment.config} is the repository root
 * (its mappings apply), else the template's own folder (only the files beside it apply).
 */
public final class PlaybookFiles {
    public static final String CONFIG = "sentinel-deployment.config";

    /** A loaded playbook, or why not. */
    public record Loaded(Optional<Playbook> playbook, List<Diagnostic> diagnostics) {
    }

    private PlaybookFiles() {
    }

    /**
     * An ARM deployment template whose resources are Logic Apps, API connections or custom connectors: what
     * Repositories deploys as its {@code Playbook} content type.
     */
    public static boolean looksLikePlaybook(JsonNode root) {
        if (!root.isObject() || !root.path("$schema").asString("").toLowerCase(Locale.ROOT).contains("deploymenttemplate")) {
            return false;
        }
        JsonNode resources = root.path("resources");
        List<JsonNode> list = new ArrayList<>();
        if (resources.isArray()) resources.forEach(list::add);
        else if (resources.isObject()) resources.values().forEach(list::add);
        return list.stream().map(r -> r.path("type").asString("").toLowerCase(Locale.ROOT))
                .anyMatch(t -> t.startsWith("microsoft.logic/workflows") || t.startsWith("microsoft.web/customapis")
                        || t.startsWith("microsoft.web/connections"));
    }

    public static Loaded load(Path file, String displayPath) {
        PlaybookReader.Result read = new PlaybookReader().read(file, displayPath);
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        if (read.template().isEmpty()) return new Loaded(Optional.empty(), diagnostics);
        Path abs = file.toAbsolutePath().normalize();
        Path root = repositoryRoot(abs.getParent());
        ParameterFiles files;
        if (root != null) {
            RepositoriesConfigFile.Read config = RepositoriesConfigFile.read(root.resolve(CONFIG), CONFIG);
            diagnostics.addAll(config.diagnostics());
            files = new ParameterFiles(root, config.mappings());
        } else {
            root = abs.getParent();
            files = ParameterFiles.besideTemplates(root);
        }
        String relative = root.relativize(abs).toString().replace('\\', '/');
        return new Loaded(Optional.of(new Playbook(read.template().get(), files, relative)), diagnostics);
    }

    private static Path repositoryRoot(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(CONFIG))) return d;
            if (Files.exists(d.resolve(".git"))) return null;
        }
        return null;
    }
}
