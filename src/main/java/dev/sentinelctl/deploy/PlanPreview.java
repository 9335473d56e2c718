package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.KindTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the service's own preview of each create and update to a plan (an ARM deployment's what-if), through
 * {@link dev.sentinelctl.deploy.kinds.DeployableKind#preview}. A preview that fails is left out with a note: the plan's
 * own comparison still stands, so a service without what-if never blocks a plan.
 */
public final class PlanPreview {
    private PlanPreview() {
    }

    public static WorkspacePlan add(ArmRest rest, WorkspaceConfig ws, KindTable kinds, WorkspacePlan plan) {
        List<Change> out = new ArrayList<>();
        boolean changed = false;
        for (Change c : plan.changes()) {
            if ((c.action() != Change.Action.CREATE && c.action() != Change.Action.UPDATE) || c.desired() == null) {
                out.add(c);
                continue;
            }
            List<FieldDiff> extra;
            String note = c.note();
            try {
                extra = c.type().preview(rest, c.type().scope().resourceId(ws, c.id()), kinds.apiVersion(c.type()), c.desired());
            } catch (ArmCallException e) {
                extra = List.of();
                note = note.isEmpty() ? "no what-if: " + e.describe() : note + "; no what-if: " + e.describe();
            }
            if (extra.isEmpty() && note.equals(c.note())) {
                out.add(c);
                continue;
            }
            changed = true;
            List<FieldDiff> diffs = new ArrayList<>(c.diffs());
            diffs.addAll(extra);
            out.add(new Change(c.action(), c.type(), c.id(), c.displayName(), c.desired(), diffs, c.etag(), c.writeResource(),
                    c.writeMetadata(), c.ownedBefore(), note, c.metadataName()));
        }
        return changed ? new WorkspacePlan(plan.workspace(), out, plan.unchanged(), plan.orphans(), plan.preflight()) : plan;
    }
}
