package dev.sentinelctl.testing.realengine;

import dev.sentinelctl.testing.FixtureTable;
import dev.sentinelctl.testing.QueryEngine;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code test --compare}: every test's query on both engines. When they agree, the expectations are checked on the
 * real engine's answer; when they disagree (columns, rows, or one ran and the other did not), the test fails with
 * {@link #DISAGREE} and what differs, so every disagreement is reported at its test and the run exits 1.
 */
public final class ComparingEngine implements QueryEngine {
    public static final String DISAGREE = "COMPARE-disagree";

    private final QueryEngine ours;
    private final QueryEngine real;
    private final String realName;

    public ComparingEngine(QueryEngine ours, QueryEngine real, String realName) {
        this.ours = ours;
        this.real = real;
        this.realName = realName;
    }

    @Override
    public Outcome run(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now) {
        return run(query, tables, watchlists, now, java.util.OptionalInt.empty());
    }

    /** The pinned seasonality goes to our engine only: the real one detects periods itself. */
    @Override
    public Outcome run(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now,
                       java.util.OptionalInt seasonality) {
        Outcome a = ours.run(query, tables, watchlists, now, seasonality);
        Outcome b = real.run(query, tables, watchlists, now);
        if (a instanceof Outcome.Ok x && b instanceof Outcome.Ok y) {
            Optional<String> diff = TableDiff.between(query, x.table(), y.table(), "sentinelctl", realName);
            return diff.<Outcome>map(d -> new Outcome.Failed(DISAGREE, "sentinelctl's engine and " + realName + " disagree: "
                    + d, -1)).orElse(b);
        }
        if (a instanceof Outcome.Failed x && b instanceof Outcome.Failed) {
            // neither ran it: the real engine's reason is the one to fix
            return b;
        }
        if (a instanceof Outcome.Failed x) {
            return new Outcome.Failed(DISAGREE, realName + " ran the query but sentinelctl's engine did not: " + x.code() + ": "
                    + x.message(), x.offset());
        }
        Outcome.Failed y = (Outcome.Failed) b;
        return new Outcome.Failed(DISAGREE, "sentinelctl's engine ran the query but " + realName + " did not: " + y.code() + ": "
                + y.message(), -1);
    }
}
