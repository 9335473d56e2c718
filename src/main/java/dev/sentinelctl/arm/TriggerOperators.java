package dev.sentinelctl.arm;

import java.util.Locale;
import java.util.Map;

/** The two spellings of a trigger operator: the YAML short form ({@code gt}) and the ARM enum ({@code GreaterThan}). */
public final class TriggerOperators {
    private static final Map<String, String> TO_ARM = Map.of("gt", "GreaterThan", "lt", "LessThan", "eq", "Equal",
            "ne", "NotEqual");
    private static final Map<String, String> TO_YAML = Map.of("greaterthan", "gt", "lessthan", "lt", "equal", "eq",
            "notequal", "ne");

    private TriggerOperators() {}

    public static String toArm(String yaml) {
        String arm = TO_ARM.get(yaml.toLowerCase(Locale.ROOT));
        if (arm != null) return arm;
        String shortForm = TO_YAML.get(yaml.toLowerCase(Locale.ROOT));
        return shortForm == null ? yaml : TO_ARM.get(shortForm);
    }

    public static String toYaml(String arm) {
        String s = TO_YAML.get(arm.toLowerCase(Locale.ROOT));
        if (s != null) return s;
        return TO_ARM.containsKey(arm.toLowerCase(Locale.ROOT)) ? arm.toLowerCase(Locale.ROOT) : arm;
    }
}
