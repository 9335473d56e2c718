package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.report.Severity;

/** Something wrong in a schema file, before it knows which file it is (callers add that). */
public record SchemaProblem(Severity severity, int line, int column, String message) {
}
