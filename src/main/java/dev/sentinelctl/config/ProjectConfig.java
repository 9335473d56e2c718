package dev.sentinelctl.config;

import dev.sentinelctl.fmt.FmtOptions;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from {@code .sentinelctl.yaml} at the content root.
 *
 * @param rules    rule id → severity, or empty for "off"
 * @param schemas  custom schema folders, resolved against the config file's folder
 * @param file     where it was read from (empty when there is none)
 * @param profile  {@code default} or {@code azure-sentinel} (Microsoft's content-repository gates are errors)
 * @param fmt      the {@code fmt:} settings (line width, pipe placement), defaults when absent
 * @param minimumTests detection tests each analytic rule needs (both polarities from 2; `check` and `test` enforce it)
 */
public record ProjectConfig(Optional<Boolean> strict, Optional<String> failOn, Map<String, Optional<Severity>> rules,
                            List<Path> schemas, Optional<Path> baseline, Optional<Path> file, Optional<String> profile,
                            FmtOptions fmt, Optional<Integer> minimumTests) {

    public static final ProjectConfig NONE = new ProjectConfig(Optional.empty(), Optional.empty(), Map.of(), List.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), FmtOptions.DEFAULT, Optional.empty());

    public ProjectConfig {
        rules = Map.copyOf(rules);
        schemas = List.copyOf(schemas);
    }

    /** Whether a rule that is off by default was turned on ({@code rules: {ID: warning}}). */
    public boolean enables(String ruleId) {
        return rules.containsKey(ruleId) && rules.get(ruleId).isPresent();
    }

    /** Applies the per-rule settings: drops findings of rules turned off, re-levels the others. */
    public List<Diagnostic> apply(List<Diagnostic> diagnostics) {
        if (rules.isEmpty()) return diagnostics;
        return diagnostics.stream().filter(d -> !rules.containsKey(d.ruleId()) || rules.get(d.ruleId()).isPresent())
                .map(d -> rules.containsKey(d.ruleId()) ? d.withSeverity(rules.get(d.ruleId()).get()) : d).toList();
    }
}
