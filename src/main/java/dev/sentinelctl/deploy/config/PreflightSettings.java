package dev.sentinelctl.deploy.config;

import java.time.Duration;
import java.util.Optional;

/**
 * One level of {@code preflight:} settings. Levels combine with {@link #then} field by field, the more specific
 * level winning, like {@link ConfigLayer}. A null field is not set at this level; the getters resolve the defaults.
 *
 * @param enabled      false turns every check off (no extra API calls); {@code preflight: false} in the file
 * @param missingTable what to do with a rule reading a table (or watchlist) the workspace does not have
 * @param checkData    how recent a table's last record must be; {@link Duration#ZERO} turns the data check off
 * @param noData       what to do with a rule reading a table without a record in that window
 */
public record PreflightSettings(Boolean enabled, PreflightAction missingTable, Duration checkData, PreflightAction noData) {
    public static final PreflightSettings UNSET = new PreflightSettings(null, null, null, null);
    /**
     * A missing table is skipped by default: Sentinel refuses to save a rule reading a table the workspace does
     * not have, so deploying it would fail the item anyway, only later and less clearly.
     */
    public static final PreflightAction DEFAULT_MISSING_TABLE = PreflightAction.SKIP;
    /** A silent table's rule is deployed disabled: it is in place, and the next plan after data arrives enables it. */
    public static final PreflightAction DEFAULT_NO_DATA = PreflightAction.DISABLE;
    /** The window {@code checkData: true} and a bare {@code --check-data} mean. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    public PreflightSettings then(PreflightSettings more) {
        return new PreflightSettings(more.enabled != null ? more.enabled : enabled,
                more.missingTable != null ? more.missingTable : missingTable,
                more.checkData != null ? more.checkData : checkData,
                more.noData != null ? more.noData : noData);
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public PreflightAction onMissingTable() {
        return missingTable == null ? DEFAULT_MISSING_TABLE : missingTable;
    }

    public PreflightAction onNoData() {
        return noData == null ? DEFAULT_NO_DATA : noData;
    }

    /** The data-recency window, when the data check is on. */
    public Optional<Duration> dataWindow() {
        return checkData == null || checkData.isZero() || checkData.isNegative() ? Optional.empty() : Optional.of(checkData);
    }
}
