package dev.sentinelctl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Known findings a team accepts for now, so a repository with thousands of existing rules can adopt
 * sentinelctl and fail only on new findings. A finding is known by file, rule and message, not by line, so
 * edits elsewhere in a file do not resurrect it; counts keep a second identical finding visible.
 */
public final class Baseline {
    private final Map<String, Integer> counts;

    private Baseline(Map<String, Integer> counts) {
        this.counts = counts;
    }

    private static String key(Diagnostic d) {
        return d.file() + "\u0000" + d.ruleId() + "\u0000" + d.message();
    }

    public static Baseline read(Path file) throws IOException {
        try {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, Integer> counts = new HashMap<>();
            for (JsonNode f : root.path("findings")) {
                counts.merge(f.path("file").asString() + "\u0000" + f.path("ruleId").asString() + "\u0000"
                        + f.path("message").asString(), Math.max(1, f.path("count").asInt(1)), Integer::sum);
            }
            return new Baseline(counts);
        } catch (JacksonException e) {
            throw new IOException("not a sentinelctl baseline (" + e.getOriginalMessage() + ")");
        }
    }

    public static void write(Path file, List<Diagnostic> diagnostics) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        diagnostics.forEach(d -> counts.merge(key(d), 1, Integer::sum));
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("findings");
        counts.forEach((k, n) -> {
            String[] parts = k.split("\u0000", 3);
            list.addObject().put("file", parts[0]).put("ruleId", parts[1]).put("message", parts[2]).put("count", n);
        });
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    /** The findings not covered by the baseline. */
    public List<Diagnostic> newFindings(List<Diagnostic> diagnostics) {
        Map<String, Integer> left = new HashMap<>(counts);
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            String k = key(d);
            int n = left.getOrDefault(k, 0);
            if (n > 0) left.put(k, n - 1);
            else out.add(d);
        }
        return out;
    }
}
