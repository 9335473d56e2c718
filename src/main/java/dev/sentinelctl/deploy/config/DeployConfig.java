package dev.sentinelctl.deploy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sentinelctl.yaml}: the ownership source name, the resolved workspaces in file order, and the api-versions it
 * sends instead of the kinds' defaults.
 *
 * @param source      empty when the file does not name one (the caller derives it from the repository)
 * @param apiVersions by kind key ({@code alertRules}, {@code savedSearches}, {@code metadata}); checked by the schema
 */
public record DeployConfig(Path file, Optional<String> source, List<WorkspaceConfig> workspaces,
        Map<String, String> apiVersions) {
    public DeployConfig {
        workspaces = List.copyOf(workspaces);
        apiVersions = Map.copyOf(apiVersions);
    }

    public DeployConfig(Path file, Optional<String> source, List<WorkspaceConfig> workspaces) {
        this(file, source, workspaces, Map.of());
    }
}
