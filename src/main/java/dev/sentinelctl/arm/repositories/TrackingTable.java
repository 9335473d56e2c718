package dev.sentinelctl.arm.repositories;

import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repositories' smart-deployment table {@code .sentinel/tracking_table_<sourceControlId>.csv}: header
 * {@code FileName, CommitSha}, one row per relative path (template, parameter file, the config) with the git blob id
 * deployed last. Only successes and skips are written there, so a row means "deployed as of this blob".
 */
public final class TrackingTable {
    /** @param rows path → blob id, in file order */
    public record Read(String file, Map<String, String> rows, List<Diagnostic> diagnostics) {
    }

    private TrackingTable() {
    }

    public static Read read(Path file, String displayPath) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.add(Diagnostic.atFile("REPOSITORIES-tracking-table", Severity.ERROR, displayPath, "cannot read: " + e.getMessage(),
                    "Check that the file is readable."));
            return new Read(displayPath, rows, out);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\uFEFF", "").trim();
            if (line.isEmpty()) continue;
            String[] cells = line.split(",", -1);
            if (i == 0 && cells[0].replace("\"", "").trim().equalsIgnoreCase("FileName")) continue;
            if (cells.length != 2) {
                out.add(new Diagnostic("REPOSITORIES-tracking-table", Severity.WARNING, displayPath, i + 1, 1, i + 1,
                        line.length() + 1, "expected two columns (FileName, CommitSha), found " + cells.length,
                        "Rows are written by the Repositories deploy script; this row is ignored."));
                continue;
            }
            rows.put(cells[0].replace("\"", "").trim().replace('\\', '/'), cells[1].replace("\"", "").trim().toLowerCase(java.util.Locale.ROOT));
        }
        return new Read(displayPath, rows, out);
    }
}
