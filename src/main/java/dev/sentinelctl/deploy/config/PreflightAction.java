package dev.sentinelctl.deploy.config;

import java.util.Locale;
import java.util.Optional;

/** What preflight does with a rule whose tables are missing or silent. */
public enum PreflightAction {
    /** Not deployed; an existing deployed rule is left as it is. */
    SKIP,
    /** Deployed with {@code enabled: false}; the next plan enables it once the tables are there. */
    DISABLE,
    /** Deployed as the content says; the plan only notes it. */
    DEPLOY,
    /** Not deployed, and counted as a failed item (apply exits 1; a fleet ring's failure budget applies). */
    FAIL;

    /** How the config and the plan write it: {@code skip}, {@code disable}, {@code deploy}, {@code fail}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PreflightAction> parse(String text) {
        for (PreflightAction a : values()) {
            if (a.word().equals(text)) return Optional.of(a);
        }
        return Optional.empty();
    }
}
