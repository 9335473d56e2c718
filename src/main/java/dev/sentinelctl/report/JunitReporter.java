package dev.sentinelctl.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML as Azure DevOps' PublishTestResults and Jenkins read it: one test case per content file, one
 * failure per error (warnings go to the case's system-out so they are visible without failing it).
 */
public final class JunitReporter implements Reporter {

    @Override
    public void write(Report report, PrintWriter out) {
        Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
        report.files().forEach(f -> byFile.put(f, new ArrayList<>()));
        report.diagnostics().forEach(d -> byFile.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d));
        long failures = byFile.values().stream().filter(ds -> ds.stream().anyMatch(d -> d.severity() == Severity.ERROR)).count();
        String suite = "sentinelctl " + report.command();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.printf("<testsuites name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\">%n", esc(suite), byFile.size(), failures);
        out.printf("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">%n", esc(suite), byFile.size(), failures);
        for (Map.Entry<String, List<Diagnostic>> e : byFile.entrySet()) {
            String file = e.getKey();
            int slash = file.lastIndexOf('/');
            String classname = slash < 0 ? "." : file.substring(0, slash).replace('/', '.');
            String name = slash < 0 ? file : file.substring(slash + 1);
            List<Diagnostic> errors = e.getValue().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            List<Diagnostic> others = e.getValue().stream().filter(d -> d.severity() != Severity.ERROR).toList();
            out.printf("    <testcase classname=\"%s\" name=\"%s\" file=\"%s\">%n", esc(classname), esc(name), esc(file));
            for (Diagnostic d : errors) {
                out.printf("      <failure type=\"%s\" message=\"%s\">%s</failure>%n", esc(d.ruleId()),
                        esc(d.line() + ":" + d.column() + " " + d.message()), esc(describe(d)));
            }
            if (!others.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                others.forEach(d -> sb.append(d.severity().label()).append(' ').append(describe(d)).append('\n'));
                out.printf("      <system-out>%s</system-out>%n", esc(sb.toString()));
            }
            out.println("    </testcase>");
        }
        out.println("  </testsuite>");
        out.println("</testsuites>");
    }

    private static String describe(Diagnostic d) {
        return d.file() + ":" + d.line() + ":" + d.column() + ": " + d.ruleId() + " " + d.message()
                + (d.fixHint().isEmpty() ? "" : " Fix: " + d.fixHint());
    }

    /** XML attribute and text escaping, with the control characters XML 1.0 forbids replaced; shared by every JUnit report. */
    public static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters even when escaped.
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') sb.append("\\u").append(String.format("%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
