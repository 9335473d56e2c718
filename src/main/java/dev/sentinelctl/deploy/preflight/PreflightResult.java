package dev.sentinelctl.deploy.preflight;

import dev.sentinelctl.deploy.config.PreflightAction;
import java.util.List;

/**
 * Preflight's verdict on one rule in one workspace.
 *
 * @param action            what is done: {@link PreflightAction#DEPLOY} when the rule passed
 * @param reason            why, for people ("table CommonSecurityLog does not exist in law-contoso"); empty when passed
 * @param missingTables     tables (or, for a rule reading only {@code isfuzzy} tables, all of them) the workspace lacks
 * @param missingWatchlists watchlist aliases the workspace lacks
 * @param silentTables      tables without a record in the data-check window
 * @param unchecked         what could not be checked, with why (functions and parsers, unconfirmed data)
 * @param missingResources  ids of resources the item uses outside the plan that do not exist (a playbook's API
 *                          connection, an automation rule's Logic App)
 */
public record PreflightResult(String id, String displayName, PreflightAction action, String reason,
        List<String> missingTables, List<String> missingWatchlists, List<String> silentTables, List<String> unchecked,
        List<String> missingResources) {

    public PreflightResult {
        missingTables = List.copyOf(missingTables);
        missingWatchlists = List.copyOf(missingWatchlists);
        silentTables = List.copyOf(silentTables);
        unchecked = List.copyOf(unchecked);
        missingResources = List.copyOf(missingResources);
    }

    public PreflightResult(String id, String displayName, PreflightAction action, String reason,
            List<String> missingTables, List<String> missingWatchlists, List<String> silentTables, List<String> unchecked) {
        this(id, displayName, action, reason, missingTables, missingWatchlists, silentTables, unchecked, List.of());
    }

    public boolean passed() {
        return missingTables.isEmpty() && missingWatchlists.isEmpty() && silentTables.isEmpty() && missingResources.isEmpty();
    }

    /** What the plan says next to the rule's line. */
    public String note(boolean deployedAlready, boolean changed) {
        if (passed()) return "";
        switch (action) {
            case DISABLE:
                return (changed ? "deployed disabled: " : "kept disabled: ") + reason;
            case SKIP:
                return reason + "; skipped" + (deployedAlready ? ", the deployed rule is left as it is" : ", not deployed");
            case FAIL:
                return reason + "; not deployed (preflight is set to fail)";
            default:
                return "deployed although " + reason + " (preflight is set to deploy)";
        }
    }
}
