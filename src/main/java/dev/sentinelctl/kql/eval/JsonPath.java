package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.SyntaxElement;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSONPath subset Kusto's extract_json accepts: {@code $}, {@code .name}, {@code ['name']}, {@code [index]}. */
final class JsonPath {

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_$][\\w$-]*)|\\[\\s*'([^']*)'\\s*]|\\[\\s*\"([^\"]*)\"\\s*]|\\[\\s*(-?\\d+)\\s*]");

    private JsonPath() {
    }

    static List<Object> parse(String path, SyntaxElement where) {
        String p = path.trim();
        if (!p.startsWith("$")) throw EvalException.bind("a JSON path starts with $: '" + path + "'", where);
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(p);
        int at = 1;
        while (at < p.length()) {
            if (!m.find(at) || m.start() != at) throw EvalException.unsupported("JSON path '" + path + "'", where);
            if (m.group(1) != null) steps.add(m.group(1));
            else if (m.group(2) != null) steps.add(m.group(2));
            else if (m.group(3) != null) steps.add(m.group(3));
            else steps.add(Long.parseLong(m.group(4)));
            at = m.end();
        }
        return steps;
    }

    static JsonNode walk(JsonNode j, List<Object> steps) {
        JsonNode cur = j;
        for (Object s : steps) {
            if (cur == null) return null;
            cur = s instanceof Long i ? Dynamics.at(cur, i) : Dynamics.get(cur, (String) s);
        }
        return cur;
    }
}
