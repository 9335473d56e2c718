package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.Edge;
import java.util.List;

/**
 * One planned change in a workspace.
 *
 * @param desired        what the repository wants (null for a delete)
 * @param diffs          field differences, workspace value → repository value (metadata fields prefixed
 *                       {@code metadata.})
 * @param etag           the workspace's etag when the plan was made, sent with updates so a change made after the
 *                       plan is not overwritten; null for creates
 * @param writeResource  PUT the resource
 * @param writeMetadata  PUT the ownership metadata
 * @param ownedBefore    sentinelctl (this source) owned it already: a difference is drift
 * @param note           why, for people (e.g. "owned by 'other/repo'", "deleted outside sentinelctl")
 * @param metadataName   the name of the item's ownership metadata resource ({@code analyticsrule-<id>})
 * @param deployedNeeds  for a delete, what the deployed resource stands on, read from its deployed body (a union
 *                       parser's query calling a source parser's alias): prune deletes it before those
 */
public record Change(Action action, DeployableKind type, String id, String displayName, DesiredItem desired,
        List<FieldDiff> diffs, String etag, boolean writeResource, boolean writeMetadata, boolean ownedBefore,
        String note, String metadataName, List<Edge> deployedNeeds) {

    /** A change that stands on nothing deployed (every create and update; a delete of a resource that calls nothing). */
    public Change(Action action, DeployableKind type, String id, String displayName, DesiredItem desired,
            List<FieldDiff> diffs, String etag, boolean writeResource, boolean writeMetadata, boolean ownedBefore,
            String note, String metadataName) {
        this(action, type, id, displayName, desired, diffs, etag, writeResource, writeMetadata, ownedBefore, note,
                metadataName, List.of());
    }

    public enum Action {
        CREATE("+", "create"), UPDATE("~", "update"), DELETE("-", "delete"), CONFLICT("!", "conflict"),
        /** Preflight held the rule back (its tables are missing or silent); nothing is written, nothing fails. */
        SKIP("○", "skip"),
        /** Preflight held the rule back and is set to fail: nothing is written, the item counts as failed. */
        FAIL("!", "fail");

        private final String symbol;
        private final String word;

        Action(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }

        public String symbol() {
            return symbol;
        }

        public String word() {
            return word;
        }
    }

    public Change {
        diffs = List.copyOf(diffs);
        note = note == null ? "" : note;
        deployedNeeds = List.copyOf(deployedNeeds);
    }

    public boolean isWrite() {
        return action == Action.CREATE || action == Action.UPDATE || action == Action.DELETE;
    }
}
