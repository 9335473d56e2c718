package dev.sentinelctl.deploy.config;

import java.time.Duration;

/**
 * Per-workspace changes to an analytic rule as the content defines it. A null field leaves the content's value;
 * {@link #then} layers a more specific override over this one field by field.
 */
public record RuleOverride(Boolean enabled, String severity, Duration queryFrequency, Duration queryPeriod,
        Integer triggerThreshold) {
    public static final RuleOverride NONE = new RuleOverride(null, null, null, null, null);

    public RuleOverride then(RuleOverride more) {
        return new RuleOverride(more.enabled != null ? more.enabled : enabled,
                more.severity != null ? more.severity : severity,
                more.queryFrequency != null ? more.queryFrequency : queryFrequency,
                more.queryPeriod != null ? more.queryPeriod : queryPeriod,
                more.triggerThreshold != null ? more.triggerThreshold : triggerThreshold);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
