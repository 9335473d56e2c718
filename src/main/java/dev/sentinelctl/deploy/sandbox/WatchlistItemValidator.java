package dev.sentinelctl.deploy.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Watchlist items: {@code properties.itemsKeyValue}, an object of column → value, is required (spec 2025-09-01). */
public final class WatchlistItemValidator implements PayloadValidator {
    @Override
    public void validate(ObjectNode body, ObjectNode existing) {
        JsonNode kv = Fields.properties(body).get("itemsKeyValue");
        if (kv == null || !kv.isObject() || kv.isEmpty()) {
            throw ArmException.badRequest("'properties.itemsKeyValue' is required: an object of column name to value.");
        }
    }
}
