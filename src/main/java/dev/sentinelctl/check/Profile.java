package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which findings are errors. The default profile follows the principle of docs/rules.md: an error is what ARM or
 * Sentinel rejects or what cannot work as written. {@code azure-sentinel} adds the gates of Microsoft's
 * Azure-Sentinel content repository ({@link ContentGates}): contributors there need exactly those to pass its CI.
 */
public enum Profile {
    DEFAULT("default"),
    AZURE_SENTINEL("azure-sentinel");

    private final String label;

    Profile(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Profile> parse(String text) {
        for (Profile p : values()) {
            if (p.label.equals(text.trim().toLowerCase(Locale.ROOT))) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * The findings with this profile's severities. {@code items} maps a file's display path to its item (files that
     * are not content have none, and only gates that apply to every file reach them).
     */
    public List<Diagnostic> apply(List<Diagnostic> diagnostics, Map<String, ItemIdentity> items) {
        if (this == DEFAULT) return diagnostics;
        return diagnostics.stream().map(d -> d.severity() == Severity.ERROR ? d : ContentGates.gate(d.ruleId())
                .filter(g -> g.appliesTo(Optional.ofNullable(items.get(d.file()))))
                .map(g -> d.withSeverity(Severity.ERROR)).orElse(d)).toList();
    }

    /** Each content file's item, by display path, for {@link #apply}. */
    public static Map<String, ItemIdentity> items(List<FileResult> files) {
        Map<String, ItemIdentity> out = new java.util.HashMap<>();
        for (FileResult f : files) f.identity().ifPresent(i -> out.put(f.displayPath(), i));
        return out;
    }

    /** Which items a gate of Microsoft's CI looks at. */
    public enum Scope {
        ALL("every content file"), ANALYTIC_RULES("analytic rules"), SCHEDULED_RULES("Scheduled analytic rules");

        private final String text;

        Scope(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        boolean includes(Optional<ItemIdentity> item) {
            return switch (this) {
                case ALL -> true;
                case ANALYTIC_RULES -> item.map(i -> i.kind() == ContentKind.ANALYTIC_RULE).orElse(false);
                case SCHEDULED_RULES -> item.map(ItemIdentity::scheduled).orElse(false);
            };
        }
    }
}
