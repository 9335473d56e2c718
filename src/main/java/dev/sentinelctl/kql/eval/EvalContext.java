package dev.sentinelctl.kql.eval;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What a query may read besides its tables.
 *
 * @param now         the instant {@code now()} returns for the whole query ({@code ago(x)} is {@code now - x})
 * @param watchlists  {@code _GetWatchlist('alias')} results: SearchKey plus the CSV columns
 * @param functions   stored functions and parsers by alias: a KQL function body text, either
 *                    {@code "(a:string, b:int=1) { ... }"} or a parameterless body
 * @param seasonality the period (in bins; 0 = none) that {@code series_decompose*} use where the query asks Kusto to
 *                    autodetect it ({@code -1}, the default). Kusto's detection ({@code series_periods_detect}) is not
 *                    documented, so like {@code now()} it is an input the caller pins; empty means not pinned, and such
 *                    a call over a non-empty series is {@code EVAL-unsupported}
 */
public record EvalContext(Instant now, Map<String, Table> watchlists, Map<String, String> functions, OptionalInt seasonality) {

    public EvalContext {
        if (now == null) throw new IllegalArgumentException("now is required (pin it for reproducible results)");
        watchlists = watchlists == null ? Map.of() : Map.copyOf(watchlists);
        functions = functions == null ? Map.of() : Map.copyOf(functions);
        if (seasonality == null) seasonality = OptionalInt.empty();
        if (seasonality.isPresent() && seasonality.getAsInt() < 0) {
            throw new IllegalArgumentException("seasonality must be 0 (none) or a period in bins, not " + seasonality.getAsInt());
        }
    }

    public EvalContext(Instant now, Map<String, Table> watchlists, Map<String, String> functions) {
        this(now, watchlists, functions, OptionalInt.empty());
    }

    public static EvalContext at(Instant now) {
        return new EvalContext(now, Map.of(), Map.of());
    }

    /** The same context with the autodetected seasonality pinned ({@code null} leaves it unpinned). */
    public EvalContext withSeasonality(Integer period) {
        return new EvalContext(now, watchlists, functions, period == null ? OptionalInt.empty() : OptionalInt.of(period));
    }
}
