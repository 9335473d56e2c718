package dev.sentinelctl.deploy.sandbox;

import tools.jackson.databind.node.ObjectNode;

/**
 * Validates Sentinel watchlists: the service requires a display name, a provider and the column items are searched by;
 * the alias {@code _GetWatchlist} takes is the resource name. The CSV of a create ({@code rawContent}) is checked when
 * it is provisioned ({@link WatchlistRows}).
 */
public final class WatchlistValidator implements PayloadValidator {
    @Override
    public void validate(ObjectNode body, ObjectNode existing) {
        ObjectNode props = Fields.properties(body);
        Fields.requiredString(props, "displayName");
        Fields.requiredString(props, "provider");
        Fields.requiredString(props, "itemsSearchKey");
    }
}
