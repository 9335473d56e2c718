package dev.sentinelctl.deploy.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * How to run an {@link ArmSandbox}. Start from {@link #defaults()} and change what you need.
 *
 * @param port       TCP port on 127.0.0.1; 0 picks a free one
 * @param dataDir    where state is loaded from and saved to ({@value StateFile#FILE_NAME}) and the trust file is
 *                   written; null keeps state in memory and writes the trust file to a temporary directory
 * @param pageSize   items per page of Sentinel list calls before a nextLink is returned
 * @param faults     injected latency, throttling, failures and dropped connections
 * @param workspaces the workspaces that exist; empty means any workspace exists (created on first use)
 * @param limits     ARM's per-subscription request budget: always reported in headers, enforced on request
 * @param requestLog receives each handled request (no headers or bodies); may be null
 * @param tablesFile JSON setups of workspaces' Log Analytics tables (what {@code POST /_sandbox/tables} takes), applied
 *                   at start over the saved state; null: every workspace has the catalog's tables, all receiving data
 */
public record SandboxOptions(int port, Path dataDir, int pageSize, FaultOptions faults, List<WorkspaceRef> workspaces,
        ArmLimits limits, Consumer<SandboxStats.RequestRecord> requestLog, Path tablesFile) {

    public SandboxOptions(int port, Path dataDir, int pageSize, FaultOptions faults, List<WorkspaceRef> workspaces,
            ArmLimits limits, Consumer<SandboxStats.RequestRecord> requestLog) {
        this(port, dataDir, pageSize, faults, workspaces, limits, requestLog, null);
    }

    public SandboxOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port must be 0 (any free port) to 65535, not " + port);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("Page size must be at least 1, not " + pageSize);
        }
        faults = faults == null ? FaultOptions.NONE : faults;
        workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
        limits = limits == null ? ArmLimits.REPORT_ONLY : limits;
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions(0, null, 100, FaultOptions.NONE, List.of(), ArmLimits.REPORT_ONLY, null);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, dataDir, pageSize, faults, workspaces, limits, requestLog, tablesFile);
    }

    public SandboxOptions withDataDir(Path dir) {
        return new SandboxOptions(port, dir, pageSize, faults, workspaces, limits, requestLog, tablesFile);
    }

    public SandboxOptions withPageSize(int size) {
        return new SandboxOptions(port, dataDir, size, faults, workspaces, limits, requestLog, tablesFile);
    }

    public SandboxOptions withFaults(FaultOptions newFaults) {
        return new SandboxOptions(port, dataDir, pageSize, newFaults, workspaces, limits, requestLog, tablesFile);
    }

    public SandboxOptions withWorkspaces(List<WorkspaceRef> declared) {
        return new SandboxOptions(port, dataDir, pageSize, faults, declared, limits, requestLog, tablesFile);
    }

    public SandboxOptions withLimits(ArmLimits newLimits) {
        return new SandboxOptions(port, dataDir, pageSize, faults, workspaces, newLimits, requestLog, tablesFile);
    }

    public SandboxOptions withTablesFile(Path file) {
        return new SandboxOptions(port, dataDir, pageSize, faults, workspaces, limits, requestLog, file);
    }

    public SandboxOptions withRequestLog(Consumer<SandboxStats.RequestRecord> log) {
        return new SandboxOptions(port, dataDir, pageSize, faults, workspaces, limits, log, tablesFile);
    }
}
