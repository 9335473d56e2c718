package dev.sentinelctl.cli;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that read credentials and endpoints from the environment (plan, apply, drift,
 * export): tests hand them an environment instead of the process's, so fake secrets never leak between tests.
 */
abstract class EnvironmentCommand implements EnvironmentAware {
    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public void environment(Map<String, String> env) {
        this.env = env;
    }
}
