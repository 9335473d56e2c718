package dev.sentinelctl.kql.lint;

import java.time.Duration;
import java.util.Optional;

/**
 * What the lint rules need to know about the content around a query, without depending on the content
 * model: whether it is a scheduled or NRT detection or a hunting query, and how far back a scheduled run looks.
 */
public record QueryFacts(Kind kind, Optional<Duration> queryPeriod) {

    public enum Kind { SCHEDULED_RULE, NRT_RULE, HUNTING_QUERY, STANDALONE }

    public static final QueryFacts STANDALONE = new QueryFacts(Kind.STANDALONE, Optional.empty());

    public boolean isDetection() {
        return kind == Kind.SCHEDULED_RULE || kind == Kind.NRT_RULE;
    }
}
