package dev.sentinelctl.arm;

import java.util.regex.Pattern;

/**
 * The Microsoft.SecurityInsights api version alert rules are written with, and what it can carry.
 * Versions compare by their date; a "-preview" suffix does not change what a date's version carries.
 */
public record ArmApiVersion(String value) {

    // Before DEFAULT: static fields initialise in order and DEFAULT's constructor uses it.
    private static final Pattern FORMAT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?");

    /** First version with {@code subTechniques}; also carries alertDynamicProperties and sentinelEntitiesMappings. */
    public static final ArmApiVersion DEFAULT = new ArmApiVersion("2023-12-01-preview");
    public static final String SAVED_SEARCHES = "2020-08-01";
    /** Automation rules: the newest GA of Microsoft.SecurityInsights (AddIncidentTask, every condition type). */
    public static final String AUTOMATION_RULES = "2025-09-01";
    /** The version Microsoft's Repositories script writes metadata with. */
    public static final String METADATA = "2022-01-01-preview";

    public ArmApiVersion {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an ARM api version (yyyy-mm-dd or yyyy-mm-dd-preview)");
        }
    }

    public boolean carriesSubTechniques() {
        return date().compareTo("2023-12-01") >= 0;
    }

    private String date() {
        return value.substring(0, 10);
    }
}
