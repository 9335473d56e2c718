package dev.sentinelctl.deploy;

import dev.sentinelctl.content.ContentItem;

/**
 * What a fleet adds to a workspace's desired state on top of {@link dev.sentinelctl.deploy.config.WorkspaceConfig}:
 * which content files it gets (fleet selections match paths, not ids/kinds/tags) and each item's query with the
 * workspace's exclusions compiled in. Kept as an interface so the deploy package does not depend on the fleet file.
 */
public interface Tailoring {
    /** No fleet: every item the workspace config selects, with the content's own query. */
    Tailoring NONE = new Tailoring() {
        @Override
        public boolean selects(ContentItem item) {
            return true;
        }

        @Override
        public String query(ContentItem item) {
            return item.query().text();
        }
    };

    boolean selects(ContentItem item);

    /**
     * The query to deploy for the item in this workspace.
     *
     * @throws TailoringException when the workspace's values cannot be applied safely; the caller fails the workspace
     *                            rather than deploy an unfiltered query
     */
    String query(ContentItem item);
}
