package dev.sentinelctl.deploy.sandbox;

import tools.jackson.databind.JsonNode;

/** What an ARM operation answers: a status and an optional JSON body. */
record ArmResult(int status, JsonNode body) {
    static ArmResult of(int status, JsonNode body) {
        return new ArmResult(status, body);
    }

    static ArmResult empty(int status) {
        return new ArmResult(status, null);
    }
}
