package dev.sentinelctl.testing.realengine;

import dev.sentinelctl.deploy.DeployException;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.DeployTargets;
import dev.sentinelctl.deploy.config.PreflightFlags;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.testing.InProcessEngine;
import dev.sentinelctl.testing.QueryEngine;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Which engine {@code sentinelctl test} runs the tests on, and with {@code compare}, also on sentinelctl's own. */
public sealed interface EngineSpec {

    /** sentinelctl's in-process engine (the default). */
    record InProcess() implements EngineSpec {}

    /**
     * A Log Analytics workspace of a deployment config, reached as deploy reaches it.
     *
     * @param env the environment credentials read their inputs from
     */
    record Workspace(Path deployConfig, String workspace, DeployRun.Options options, Map<String, String> env, boolean compare)
            implements EngineSpec {}

    /** An Azure Data Explorer cluster or the Kusto emulator. */
    record Adx(URI cluster, String database, AdxEngine.Auth auth, boolean compare) implements EngineSpec {}

    /** The engine the tests run on; a workspace that cannot be found or reached is a {@link DeployException}. */
    default QueryEngine open(Catalog catalog) {
        return open(dev.sentinelctl.library.ContentLibrary.none(catalog));
    }

    /**
     * @param library the content's catalog, parsers and watchlists: the in-process engine runs the parsers and reads
     *                the watchlists; ADX gets them inlined in each query (a database has neither); a workspace reads
     *                the functions and watchlists deployed in it, so a test there checks what is deployed
     */
    default QueryEngine open(dev.sentinelctl.library.ContentLibrary library) {
        Catalog catalog = library.catalog();
        QueryEngine ours = new InProcessEngine(library);
        if (this instanceof InProcess) return ours;
        QueryEngine real;
        String name;
        boolean compare;
        if (this instanceof Workspace w) {
            DeployRun run = new DeployRun(DeployTargets.fromConfig(w.deployConfig(), List.of(w.workspace())), w.options(),
                    PreflightFlags.NONE, w.env());
            List<WorkspaceConfig> found = run.workspaces();
            if (found.size() != 1) throw new DeployException("--workspace " + w.workspace() + " names " + found.size() + " workspaces");
            WorkspaceConfig ws = found.get(0);
            real = new WorkspaceEngine(run.arm(ws), ws.resourceId(), catalog);
            name = "workspace " + ws.name();
            compare = w.compare();
        } else {
            Adx a = (Adx) this;
            real = new AdxEngine(a.cluster(), a.database(), a.auth(), library);
            name = "ADX " + a.cluster().getHost() + "/" + a.database();
            compare = a.compare();
        }
        return compare ? new ComparingEngine(ours, real, name) : real;
    }
}
