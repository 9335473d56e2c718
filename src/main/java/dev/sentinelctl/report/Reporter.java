package dev.sentinelctl.report;

import java.io.PrintWriter;

/** Writes a run's findings in one output format. */
public interface Reporter {
    void write(Report report, PrintWriter out);
}
