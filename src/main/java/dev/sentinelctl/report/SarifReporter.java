package dev.sentinelctl.report;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 for code-scanning tools (GitHub, Azure DevOps). File locations are relative to the working
 * directory under {@code %SRCROOT%}, which is how GitHub resolves them when sentinelctl runs at the
 * repository root; regions are the YAML file's lines and columns, so a KQL finding lands on its real line.
 */
public final class SarifReporter implements Reporter {
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final String version;
    private final Path root;

    public SarifReporter(String version, Path root) {
        this.version = version;
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void write(Report report, PrintWriter out) {
        ObjectNode sarif = mapper.createObjectNode();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", "2.1.0");
        ObjectNode run = sarif.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "sentinelctl");
        driver.put("semanticVersion", version);
        driver.put("informationUri", "https://github.com/sentinelctl/sentinelctl");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Diagnostic d : report.diagnostics()) {
            if (index.containsKey(d.ruleId())) continue;
            index.put(d.ruleId(), index.size());
            RuleInfo info = report.rules().describe(d.ruleId(), d.severity());
            ObjectNode rule = rules.addObject();
            rule.put("id", info.id());
            rule.put("name", info.name());
            rule.putObject("shortDescription").put("text", info.shortDescription());
            rule.putObject("fullDescription").put("text", info.fullDescription());
            rule.putObject("help").put("text", info.help());
            rule.putObject("defaultConfiguration").put("level", level(info.defaultSeverity()));
        }
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%").put("uri", root.toUri().toString());
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", d.ruleId());
            r.put("ruleIndex", index.get(d.ruleId()));
            r.put("level", level(d.severity()));
            String text = d.fixHint().isEmpty() ? d.message() : d.message() + " Fix: " + d.fixHint();
            r.putObject("message").put("text", text);
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            Path file = Path.of(d.file()).toAbsolutePath().normalize();
            if (file.startsWith(root)) {
                artifact.put("uri", relativeUri(root.relativize(file)));
                artifact.put("uriBaseId", "%SRCROOT%");
            } else {
                artifact.put("uri", file.toUri().toString());
            }
            ObjectNode region = physical.putObject("region");
            region.put("startLine", d.line());
            region.put("startColumn", d.column());
            region.put("endLine", d.endLine());
            region.put("endColumn", Math.max(d.endColumn(), d.endLine() == d.line() ? d.column() + 1 : 1));
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(sarif));
    }

    private static String relativeUri(Path relative) {
        StringBuilder sb = new StringBuilder();
        for (Path part : relative) {
            if (sb.length() > 0) sb.append('/');
            sb.append(URI.create("x:" + encode(part.toString())).getRawSchemeSpecificPart());
        }
        return sb.toString();
    }

    private static String encode(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~()'!*".indexOf(c) >= 0;
            sb.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return sb.toString();
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
