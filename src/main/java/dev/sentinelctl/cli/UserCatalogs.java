package dev.sentinelctl.cli;

import dev.sentinelctl.config.ProjectConfig;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.UserSchemaLoader;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The built-in catalog overlaid with the user's schemas (--schema and the config's `schemas:`). */
final class UserCatalogs {
    private UserCatalogs() {}

    static Catalog catalog(List<Path> cli, ProjectConfig config) {
        List<Path> dirs = new ArrayList<>(config.schemas());
        if (cli != null) dirs.addAll(cli);
        Catalog catalog = Catalog.builtIn();
        for (Path dir : dirs) {
            if (!Files.exists(dir)) throw new UserException("schema folder not found: " + dir);
            dev.sentinelctl.kql.semantic.UserSchema user = UserSchemaLoader.load(dir);
            List<Diagnostic> errors = user.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            if (!errors.isEmpty()) {
                Diagnostic d = errors.get(0);
                throw new UserException("bad schema file " + d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
            }
            catalog = catalog.withOverlay(user.catalog());
        }
        return catalog;
    }
}
