package dev.sentinelctl.cli;

import tools.jackson.databind.json.JsonMapper;

/** Small helpers the deploy commands share. */
final class DeployCommands {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DeployCommands() {
    }

    static void checkFormat(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserException("--format must be text or json, not '" + format + "'");
        }
    }
}
