package dev.sentinelctl.report;

/** The severity at which a run fails (exit code 1). */
public enum FailOn {
    ERROR, WARNING, NEVER;

    public boolean fails(Report report) {
        return switch (this) {
            case ERROR -> report.count(Severity.ERROR) > 0;
            case WARNING -> report.count(Severity.ERROR) + report.count(Severity.WARNING) > 0;
            case NEVER -> false;
        };
    }
}
