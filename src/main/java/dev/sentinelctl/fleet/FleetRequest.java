package dev.sentinelctl.fleet;

import java.nio.file.Path;
import java.util.List;

/**
 * Which part of a fleet a run is for, as a front end asks for it.
 *
 * @param file       the fleet file
 * @param ring       only this ring; null for every ring
 * @param shard      only this shard ({@code I/N}); null for no sharding
 * @param workspaces only these workspaces by name; empty for all
 */
public record FleetRequest(Path file, String ring, String shard, List<String> workspaces) {
    public FleetRequest {
        workspaces = List.copyOf(workspaces);
    }
}
