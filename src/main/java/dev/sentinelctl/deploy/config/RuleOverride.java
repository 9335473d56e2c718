package dev.sentinelctl.deploy.config;

import java.time.Duration;

/**
 * Per-workspace changes to an analytic rule as the content defines it. A null field leaves the content's value;
 * {@link #then} layers a more specific override over this one field by field.
 *
 * @param triggerOperator in content form ({@code gt}, {@code lt}, {@code eq}, {@code ne})
 */
public record RuleOverride(Boolean enabled, String severity, Duration queryFrequency, Duration queryPeriod,
        Integer triggerThreshold, String triggerOperator, Boolean suppressionEnabled, Duration suppressionDuration) {
    public static final RuleOverride NONE = new RuleOverride(null, null, null, null, null);

    /** The fields a deployment config can set (fleet files can set the suppression and trigger operator too). */
    public RuleOverride(Boolean enabled, String severity, Duration queryFrequency, Duration queryPeriod,
            Integer triggerThreshold) {
        this(enabled, severity, queryFrequency, queryPeriod, triggerThreshold, null, null, null);
    }

    public RuleOverride then(RuleOverride more) {
        return new RuleOverride(more.enabled != null ? more.enabled : enabled,
                more.severity != null ? more.severity : severity,
                more.queryFrequency != null ? more.queryFrequency : queryFrequency,
                more.queryPeriod != null ? more.queryPeriod : queryPeriod,
                more.triggerThreshold != null ? more.triggerThreshold : triggerThreshold,
                more.triggerOperator != null ? more.triggerOperator : triggerOperator,
                more.suppressionEnabled != null ? more.suppressionEnabled : suppressionEnabled,
                more.suppressionDuration != null ? more.suppressionDuration : suppressionDuration);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
