package dev.sentinelctl.kql.eval;

import java.time.Instant;
import java.util.Map;

/**
 * What a query may read besides its tables.
 *
 * @param now        the instant {@code now()} returns for the whole query ({@code ago(x)} is {@code now - x})
 * @param watchlists {@code _GetWatchlist('alias')} results: SearchKey plus the CSV columns
 * @param functions  stored functions and parsers by alias: a KQL function body text, either
 *                   {@code "(a:string, b:int=1) { ... }"} or a parameterless body
 */
public record EvalContext(Instant now, Map<String, Table> watchlists, Map<String, String> functions) {

    public EvalContext {
        if (now == null) throw new IllegalArgumentException("now is required (pin it for reproducible results)");
        watchlists = watchlists == null ? Map.of() : Map.copyOf(watchlists);
        functions = functions == null ? Map.of() : Map.copyOf(functions);
    }

    public static EvalContext at(Instant now) {
        return new EvalContext(now, Map.of(), Map.of());
    }
}
