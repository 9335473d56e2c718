package dev.sentinelctl.kql.semantic;

import dev.sentinelctl.report.Diagnostic;

import java.util.List;

/**
 * What {@link UserSchemaLoader} read: the user's definitions as a catalog (to overlay on the built-in one
 * with {@code Catalog.builtIn().withOverlay(user.catalog())}) and every problem found on the way.
 */
public record UserSchema(Catalog catalog, List<Diagnostic> diagnostics) {

    public UserSchema {
        diagnostics = List.copyOf(diagnostics);
    }
}
