package dev.sentinelctl.simulate;

import dev.sentinelctl.deploy.DesiredItem;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A scheduled analytic rule as it would be deployed to one workspace (its ARM body, overrides applied and exclusions
 * compiled): the query, how often it runs and over what period, and when a run raises alerts.
 *
 * @param alertPerResult Sentinel's {@code eventGroupingSettings.aggregationKind: AlertPerResult} (one alert per row,
 *                       at most 150 per run) rather than one alert per run
 */
public record RuleSchedule(String id, String name, String query, Duration frequency, Duration period, String operator, long threshold,
                           boolean alertPerResult, boolean enabled) {
    /** Sentinel groups at most this many results into separate alerts per run. */
    static final int MAX_ALERTS_PER_RUN = 150;

    /** The schedule of an alert rule's body, or empty when it is not a Scheduled rule (NRT, Fusion, …). */
    public static Optional<RuleSchedule> of(DesiredItem item) {
        JsonNode body = item.body();
        if (!"Scheduled".equals(body.path("kind").asString(""))) return Optional.empty();
        JsonNode p = body.path("properties");
        try {
            return Optional.of(new RuleSchedule(item.id(), item.displayName(), p.path("query").asString(""),
                    Duration.parse(p.path("queryFrequency").asString("PT1H")), Duration.parse(p.path("queryPeriod").asString("PT1H")),
                    p.path("triggerOperator").asString("GreaterThan"), p.path("triggerThreshold").asLong(0),
                    "AlertPerResult".equals(p.path("eventGroupingSettings").path("aggregationKind").asString("SingleAlert")),
                    p.path("enabled").asBoolean(true)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether a run with {@code rows} results triggers, by the rule's operator and threshold. */
    boolean triggers(long rows) {
        return switch (operator) {
            case "GreaterThan" -> rows > threshold;
            case "LessThan" -> rows < threshold;
            case "Equal" -> rows == threshold;
            case "NotEqual" -> rows != threshold;
            default -> throw new IllegalArgumentException("unknown trigger operator " + operator);
        };
    }

    /** The alerts one run with {@code rows} results raises. */
    long alerts(long rows) {
        if (!triggers(rows)) return 0;
        return alertPerResult ? Math.min(rows, MAX_ALERTS_PER_RUN) : 1;
    }
}
