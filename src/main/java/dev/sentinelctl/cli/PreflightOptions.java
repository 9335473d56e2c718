package dev.sentinelctl.cli;

import dev.sentinelctl.content.RuleDuration;
import dev.sentinelctl.deploy.config.PreflightSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** plan, apply and drift: the command line's say over each workspace's {@code preflight:} settings. */
final class PreflightOptions {
    /** What {@code --check-data} without a window stands for: the config's window, else the default one. */
    private static final String CONFIG_WINDOW = "";

    @Option(names = "--check-data", arity = "0..1", fallbackValue = CONFIG_WINDOW, paramLabel = "DURATION",
            description = "Preflight also checks that the tables an enabled rule reads received data within DURATION "
                    + "(default: the config's checkData, else 7d); one query per workspace.")
    String checkData;

    @Option(names = "--no-preflight", description = "Check nothing before deploying (no table list, no data query): "
            + "every rule is deployed as the content and overrides say.")
    boolean off;

    @Option(names = "--verbose", description = "Also list what preflight could not check (workspace functions, ASIM "
            + "parsers, names that are not known tables).")
    boolean verbose;

    /** A workspace's settings with the command line's on top. */
    PreflightSettings apply(PreflightSettings configured) {
        if (off) return configured.then(new PreflightSettings(false, null, null, null));
        if (checkData == null) return configured;
        Duration window;
        if (checkData.equals(CONFIG_WINDOW)) {
            window = configured.dataWindow().orElse(PreflightSettings.DEFAULT_WINDOW);
        } else {
            window = RuleDuration.parse(checkData).map(RuleDuration::value).filter(d -> !d.isZero() && !d.isNegative())
                    .orElseThrow(() -> new UserException("--check-data " + checkData + " is not a duration; write 1d, "
                            + "7d, 12h or P7D"));
        }
        return configured.then(new PreflightSettings(true, null, window, null));
    }

    void validate() {
        if (off && checkData != null) throw new UserException("--check-data and --no-preflight contradict each other; give one");
        apply(PreflightSettings.UNSET);
    }

    /** The flags as given, for a saved plan ({@code apply --plan} checks what the reviewed plan checked). */
    java.util.List<String> args() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (off) out.add("--no-preflight");
        if (checkData != null) out.add(checkData.isEmpty() ? "--check-data" : "--check-data=" + checkData);
        return out;
    }

    boolean given() {
        return off || checkData != null;
    }

    /** Takes a saved plan's flags when the command line gives none. */
    void adopt(java.util.List<String> saved) {
        if (given()) return;
        for (String a : saved) {
            if (a.equals("--no-preflight")) off = true;
            else if (a.equals("--check-data")) checkData = CONFIG_WINDOW;
            else if (a.startsWith("--check-data=")) checkData = a.substring("--check-data=".length());
        }
    }

    /** No command-line say: the config decides. */
    static PreflightOptions none() {
        return new PreflightOptions();
    }
}
