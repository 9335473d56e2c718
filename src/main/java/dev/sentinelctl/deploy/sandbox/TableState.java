package dev.sentinelctl.deploy.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One table of a sandbox workspace as its setup describes it, in the words the setup JSON uses:
 * {@code "live"} (records up to now), {@code "empty"} (exists, never received a record), {@code "absent"} (does not
 * exist), an instant ({@code "2026-01-01T00:00:00Z"}: the last record's TimeGenerated) or a duration
 * ({@code "P10D"}, {@code "10d"}: the last record that long before the query).
 */
record TableState(Kind kind, Instant at, Duration ago) {
    enum Kind { LIVE, EMPTY, ABSENT, AT, AGO }

    static final TableState LIVE = new TableState(Kind.LIVE, null, null);
    static final TableState EMPTY = new TableState(Kind.EMPTY, null, null);
    static final TableState ABSENT = new TableState(Kind.ABSENT, null, null);

    static TableState parse(String text) {
        switch (text) {
            case "live":
                return LIVE;
            case "empty":
                return EMPTY;
            case "absent":
                return ABSENT;
            default:
                break;
        }
        try {
            return new TableState(Kind.AT, Instant.parse(text), null);
        } catch (DateTimeParseException e) {
            // not an instant: a duration, or a mistake
        }
        Duration d = SandboxDurations.parse(text).orElseThrow(() -> ArmException.badRequest("'" + text
                + "' is not a table state: write \"live\", \"empty\", \"absent\", an instant (2026-01-01T00:00:00Z) or "
                + "how long ago the last record was (P10D, 10d, 12h)."));
        return new TableState(Kind.AGO, null, d);
    }

    boolean exists() {
        return kind != Kind.ABSENT;
    }

    /** TimeGenerated of the table's last record, seen at {@code now}. */
    Optional<Instant> lastRecord(Instant now) {
        switch (kind) {
            case LIVE:
                return Optional.of(now);
            case AT:
                return Optional.of(at);
            case AGO:
                return Optional.of(now.minus(ago));
            default:
                return Optional.empty();
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case AT:
                return at.toString();
            case AGO:
                return ago.toString();
            default:
                return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
