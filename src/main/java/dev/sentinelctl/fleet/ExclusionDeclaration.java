package dev.sentinelctl.fleet;

/**
 * One named exclusion parameter a content item declares under {@code exclusions:}.
 *
 * @param pointer JSON pointer of the declaration in its YAML file ({@code /exclusions/0}), for positions
 */
public record ExclusionDeclaration(String name, String description, String column, ExclusionMatch match,
                                   ExclusionPlacement placement, boolean caseSensitive, String pointer) {

    /** The KQL name of the {@code let} holding this exclusion's values; the prefix keeps it apart from the query's names. */
    public String letName() {
        return ExclusionCompiler.LET_PREFIX + name;
    }
}
