package dev.sentinelctl.deploy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code sentinelctl.yaml}: the ownership source name and the resolved workspaces, in file order.
 *
 * @param source empty when the file does not name one (the caller derives it from the repository)
 */
public record DeployConfig(Path file, Optional<String> source, List<WorkspaceConfig> workspaces) {
    public DeployConfig {
        workspaces = List.copyOf(workspaces);
    }
}
