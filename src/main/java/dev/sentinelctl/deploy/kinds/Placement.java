package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.deploy.config.WorkspaceConfig;

/**
 * Where an item is being deployed and with what: the target workspace and the whole loaded content. A kind whose body
 * names other resources (an automation rule's analytic rules and playbooks) needs both to write their full ids and to
 * resolve references written as files.
 */
public record Placement(WorkspaceConfig workspace, ContentIndex content) {
}
