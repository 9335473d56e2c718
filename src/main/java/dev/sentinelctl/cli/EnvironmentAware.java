package dev.sentinelctl.cli;

import java.util.Map;

/**
 * A command that reads environment variables (credentials). {@link Main} hands it the process environment; tests
 * hand it a map, so they never depend on, or leak into, the real environment.
 */
interface EnvironmentAware {
    void environment(Map<String, String> env);
}
