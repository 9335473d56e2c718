package dev.sentinelctl.deploy.config;

import dev.sentinelctl.content.RuleDuration;
import dev.sentinelctl.deploy.DeployException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's say over each workspace's {@code preflight:} settings (the command line's {@code --no-preflight} and
 * {@code --check-data[=DURATION]}).
 *
 * @param off       no checks and no calls at all
 * @param checkData null when not asked for; {@link #CONFIG_WINDOW} for "the config's window, else the default one";
 *                  else the window as written
 */
public record PreflightFlags(boolean off, String checkData) {
    /** What {@code --check-data} without a window stands for: the config's window, else the default one. */
    public static final String CONFIG_WINDOW = "";
    /** No say: each workspace's settings decide. */
    public static final PreflightFlags NONE = new PreflightFlags(false, null);

    /** @throws DeployException when the flags contradict each other or the window is not a duration */
    public PreflightFlags {
        if (off && checkData != null) throw new DeployException("--check-data and --no-preflight contradict each other; give one");
        if (checkData != null && !checkData.equals(CONFIG_WINDOW)) window(checkData);
    }

    /** A workspace's settings with these flags on top. */
    public PreflightSettings apply(PreflightSettings configured) {
        if (off) return configured.then(new PreflightSettings(false, null, null, null));
        if (checkData == null) return configured;
        Duration window = checkData.equals(CONFIG_WINDOW)
                ? configured.dataWindow().orElse(PreflightSettings.DEFAULT_WINDOW) : window(checkData);
        return configured.then(new PreflightSettings(true, null, window, null));
    }

    private static Duration window(String text) {
        return RuleDuration.parse(text).map(RuleDuration::value).filter(d -> !d.isZero() && !d.isNegative())
                .orElseThrow(() -> new DeployException("--check-data " + text + " is not a duration; write 1d, 7d, 12h or P7D"));
    }

    /** The flags as given, for a saved plan ({@code apply --plan} checks what the reviewed plan checked). */
    public List<String> args() {
        List<String> out = new ArrayList<>();
        if (off) out.add("--no-preflight");
        if (checkData != null) out.add(checkData.isEmpty() ? "--check-data" : "--check-data=" + checkData);
        return out;
    }

    public boolean given() {
        return off || checkData != null;
    }

    /** The flags a saved plan recorded with {@link #args()}. */
    public static PreflightFlags fromArgs(List<String> saved) {
        boolean off = false;
        String checkData = null;
        for (String a : saved) {
            if (a.equals("--no-preflight")) off = true;
            else if (a.equals("--check-data")) checkData = CONFIG_WINDOW;
            else if (a.startsWith("--check-data=")) checkData = a.substring("--check-data=".length());
        }
        return new PreflightFlags(off, checkData);
    }
}
