package dev.sentinelctl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The query texts of a JSON Lines corpus ({@code {"id","query"}}, {@code "text"} accepted), for the KQL benches. */
final class BenchQueries {
    private BenchQueries() {}

    static List<String> load(Path file) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = mapper.readTree(line);
            JsonNode q = n.has("query") ? n.get("query") : n.get("text");
            if (q != null && q.isString()) out.add(q.asString());
        }
        return out;
    }
}
