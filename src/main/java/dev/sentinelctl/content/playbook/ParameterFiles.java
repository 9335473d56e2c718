package dev.sentinelctl.content.playbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which parameter file a template deploys with in a workspace, chosen as Microsoft Sentinel Repositories chooses it
 * (its generated deploy script, content-kinds.md §6), so a repository moved over deploys with the same values:
 * <ol>
 *   <li>the file {@code sentinel-deployment.config} maps the template to for that workspace id
 *       ({@code parameterfilemappings.<workspaceId>.<template path>}, paths relative to the repository root);</li>
 *   <li>{@code <base>.parameters-<workspaceId>.json} beside the template;</li>
 *   <li>{@code <base>.parameters.json} beside the template;</li>
 *   <li>none: the template's defaults, and required parameters must then get a value some other way.</li>
 * </ol>
 * Bicep's {@code .bicepparam} steps do not apply: playbooks here are JSON templates.
 *
 * @param mappings by workspace id, then template path (both compared case-insensitively, as the script's
 *                 PowerShell hashtables do), the parameter file's path
 */
public record ParameterFiles(Path repositoryRoot, Map<String, Map<String, String>> mappings) {

    /** How the file was chosen. */
    public enum Rule {
        MAPPED("mapped in sentinel-deployment.config"),
        WORKSPACE("workspace-specific"),
        DEFAULT("default"),
        NONE("no parameter file");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * @param file      the parameter file, when one applies
     * @param relative  its path relative to the repository root (what messages and tracking tables name)
     * @param rule      which step chose it
     * @param expected  for {@link Rule#NONE}: the default file's path, for the message that says where to add values
     * @param problem   a mapping that names a missing file (the deploy must not fall back silently)
     */
    public record Resolution(Optional<Path> file, String relative, Rule rule, String expected, Optional<String> problem) {
    }

    public ParameterFiles {
        mappings = Map.copyOf(mappings);
    }

    /** No config: only the files beside the template count. */
    public static ParameterFiles besideTemplates(Path repositoryRoot) {
        return new ParameterFiles(repositoryRoot, Map.of());
    }

    /**
     * @param templateRelative the template's path relative to the repository root, {@code /}-separated
     * @param workspaceId      the Log Analytics workspace id (its {@code customerId} GUID), or null when unknown
     */
    public Resolution resolve(String templateRelative, String workspaceId) {
        String rel = templateRelative.replace('\\', '/');
        String base = rel.replaceFirst("(?i)\\.json$", "");
        if (workspaceId != null) {
            Optional<String> mapped = lookup(mappings, workspaceId).flatMap(m -> lookup(m, rel));
            if (mapped.isPresent()) {
                String p = mapped.get().replace('\\', '/');
                Path file = repositoryRoot.resolve(p);
                if (!Files.isRegularFile(file)) {
                    return new Resolution(Optional.empty(), p, Rule.MAPPED, p, Optional.of("sentinel-deployment.config maps "
                            + rel + " to " + p + " for workspace " + workspaceId + ", which does not exist"));
                }
                return new Resolution(Optional.of(file), p, Rule.MAPPED, p, Optional.empty());
            }
            String specific = base + ".parameters-" + workspaceId + ".json";
            Optional<Path> found = existing(specific);
            if (found.isPresent()) return new Resolution(found, specific, Rule.WORKSPACE, specific, Optional.empty());
        }
        String general = base + ".parameters.json";
        Optional<Path> found = existing(general);
        if (found.isPresent()) return new Resolution(found, general, Rule.DEFAULT, general, Optional.empty());
        return new Resolution(Optional.empty(), "", Rule.NONE, general, Optional.empty());
    }

    /** Every path any workspace maps a template to (Repositories never deploys those as templates). */
    public List<String> mappedFiles() {
        return mappings.values().stream().flatMap(m -> m.values().stream()).map(p -> p.replace('\\', '/')).distinct().toList();
    }

    private Optional<Path> existing(String relative) {
        Path p = repositoryRoot.resolve(relative);
        if (Files.isRegularFile(p)) return Optional.of(p);
        // Repositories' script runs on Linux runners but matches file names through PowerShell; accept another case
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir)) return Optional.empty();
        String wanted = p.getFileName().toString().toLowerCase(Locale.ROOT);
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static <V> Optional<V> lookup(Map<String, V> map, String key) {
        V exact = map.get(key);
        if (exact != null) return Optional.of(exact);
        return map.entrySet().stream().filter(e -> e.getKey().replace('\\', '/').equalsIgnoreCase(key))
                .map(Map.Entry::getValue).findFirst();
    }
}
