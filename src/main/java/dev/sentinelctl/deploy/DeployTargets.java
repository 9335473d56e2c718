package dev.sentinelctl.deploy;

import dev.sentinelctl.arm.SourceName;
import dev.sentinelctl.config.ConfigLoader.ConfigException;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.deploy.config.DeployConfig;
import dev.sentinelctl.deploy.config.DeployConfigLoader;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.KindTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The workspaces a deploy run plans, and whose they are: a {@code sentinelctl.yaml} (see {@link #fromConfig}) or a
 * fleet (built in the fleet package, which adds per-workspace tailoring and a credential's app id). The deploy engine
 * needs nothing else from where they came from.
 *
 * @param workspaces    in config (fleet: rollout) order
 * @param source        the ownership name recorded in each item's metadata
 * @param sourceDerived true when nothing names the source and it came from the repository (a rename changes ownership)
 * @param fleet         true for a fleet: an unreadable workspace is that workspace's failure even when it is the only
 *                      one, and the messages name the fleet file's settings
 * @param contentWarnings settings of the origin that change nothing for this content (a fleet's typos); reported
 * @param kinds         the registered kinds with the api-versions the origin asks for
 */
public record DeployTargets(List<Target> workspaces, String source, boolean sourceDerived, boolean fleet,
        Function<List<ContentItem>, List<String>> contentWarnings, KindTable kinds) {

    /**
     * One workspace.
     *
     * @param tailoring what the origin adds to its desired state ({@link Tailoring#NONE} for a config)
     * @param clientId  the app registration its credential uses, when the origin names one
     */
    public record Target(WorkspaceConfig config, Tailoring tailoring, Optional<String> clientId) {
    }

    public DeployTargets {
        workspaces = List.copyOf(workspaces);
    }

    /** The workspaces of a deployment config, narrowed to {@code names} (all when empty). */
    public static DeployTargets fromConfig(Path file, List<String> names) {
        DeployConfig config;
        try {
            config = new DeployConfigLoader().load(file);
        } catch (ConfigException e) {
            throw new DeployException("bad deployment config:\n" + describe(e));
        }
        List<Target> targets = select(config.workspaces(), names).stream()
                .map(ws -> new Target(ws, Tailoring.NONE, Optional.empty())).toList();
        Path base = file.toAbsolutePath().normalize().getParent();
        KindTable kinds;
        try {
            kinds = KindTable.builtIn().withApiVersions(config.apiVersions());
        } catch (IllegalArgumentException e) {
            // The schema names the keys it allows; a kind it lists that the table does not is our mistake, said plainly.
            throw new DeployException("bad deployment config:\n  " + file + ": " + e.getMessage());
        }
        return new DeployTargets(targets, config.source().orElseGet(() -> SourceName.detect(base)), config.source().isEmpty(),
                false, items -> List.of(), kinds);
    }

    /** The config's errors, one per line, each at its file, line and column with its fix. */
    public static String describe(ConfigException e) {
        return e.diagnostics().stream()
                .map(d -> "  " + d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message()
                        + (d.fixHint().isEmpty() ? "" : "\n      fix: " + d.fixHint()))
                .collect(Collectors.joining("\n"));
    }

    /** {@code names} in the order given (all when empty); an unknown name is an error listing the known ones. */
    public static List<WorkspaceConfig> select(List<WorkspaceConfig> all, List<String> names) {
        if (names.isEmpty()) return all;
        List<WorkspaceConfig> out = new ArrayList<>();
        for (String n : names) {
            WorkspaceConfig ws = all.stream().filter(w -> w.name().equals(n)).findFirst().orElseThrow(() ->
                    new DeployException("no workspace '" + n + "' in the config; it has: "
                            + all.stream().map(WorkspaceConfig::name).collect(Collectors.joining(", "))));
            if (!out.contains(ws)) out.add(ws);
        }
        return out;
    }
}
