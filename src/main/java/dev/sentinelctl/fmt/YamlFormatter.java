package dev.sentinelctl.fmt;

import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.CustomDetection;
import dev.sentinelctl.content.KindDetector;
import dev.sentinelctl.content.Parser;
import dev.sentinelctl.content.ScalarSourceMap;
import dev.sentinelctl.content.SourceText;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Formats one content YAML file: fields in its kind's order, the layout of {@link YamlEmitter}, the query
 * through {@link KqlFormatter}. Every result is checked before it is used: the new text must load (with the
 * loader {@code validate} uses) to the same data, the query aside, which must be the same program with the same
 * comments; and it must keep every YAML comment. A failed check leaves the file as it is and says so.
 */
public final class YamlFormatter {
    private final KqlFormatter kql;
    private final YamlLoader loader = new YamlLoader();

    public YamlFormatter(FmtOptions options) {
        this(new KqlFormatter(options));
    }

    YamlFormatter(KqlFormatter kql) {
        this.kql = kql;
    }

    public FileOutcome format(String path, byte[] bytes) {
        // Most YAML that is not a rule or hunting query (parsers, other files) is told apart without loading it.
        if (!contains(bytes, QUERY)) return new FileOutcome(path, FileOutcome.Kind.SKIPPED, null, List.of());
        YamlLoader.Result before = loader.load(bytes, path);
        List<Diagnostic> errors = before.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (before.document().isEmpty() || !errors.isEmpty()) {
            return new FileOutcome(path, FileOutcome.Kind.FAILED, null, errors.isEmpty() ? before.diagnostics() : errors);
        }
        JsonNode data = before.document().get().root();
        // A rule or hunting query keeps its KQL in query; a Defender XDR custom detection in queryCondition.queryText.
        boolean detection = data.isObject() && !data.has("query") && data.path("queryCondition").path("queryText").isString();
        String pointer = detection ? "/queryCondition/queryText" : "/query";
        if (!data.isObject() || !(data.has("query") || detection)) {
            return new FileOutcome(path, FileOutcome.Kind.SKIPPED, null, List.of());
        }
        String original = before.document().get().source().text(); // BOM removed
        String text = original.replace("\r\n", "\n");
        YamlTreeReader.Document doc;
        try {
            doc = new YamlTreeReader().read(text);
        } catch (YamlTreeReader.Unsupported u) {
            return new FileOutcome(path, FileOutcome.Kind.FAILED, null, List.of(new Diagnostic("FMT-unsupported", Severity.ERROR,
                    path, u.line, u.column, u.line, u.column, "not formatted: " + u.getMessage(), "Write the value out plainly, or leave the file as it is.")));
        }
        if (doc == null) return new FileOutcome(path, FileOutcome.Kind.SKIPPED, null, List.of());
        List<Diagnostic> notes = new ArrayList<>();
        JsonNode query = data.at(pointer);
        List<YamlTree.Entry> holders = doc.root().entries();
        if (detection) {
            holders = List.of();
            for (YamlTree.Entry e : doc.root().entries()) {
                if (e.key.equals("queryCondition") && e.value instanceof YamlTree.Mapping m) holders = m.entries();
            }
        }
        String key = detection ? "queryText" : "query";
        for (YamlTree.Entry e : holders) {
            if (!e.key.equals(key) || !(e.value instanceof YamlTree.Scalar q) || q.typed()) continue;
            KqlFormatter.Result r = kql.format(q.value());
            if (r.status() == KqlFormatter.Status.INTERNAL_ERROR) {
                return internal(path, "the query formatter's check failed: " + r.detail());
            }
            if (r.status() == KqlFormatter.Status.SYNTAX_ERROR) {
                notes.add(queryNote(before.document().get().source(), before.document().get().info(pointer), q.value(), r, path));
            } else {
                e.value = new YamlTree.Scalar(r.text() + "\n", false);
                query = tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(r.text() + "\n");
            }
        }
        String formatted;
        try {
            formatted = new YamlEmitter().write(doc, ordered(doc.root().entries(), fieldOrder(data, path)));
        } catch (RuntimeException e) {
            return internal(path, "the YAML writer failed: " + e);
        }
        if (original.contains("\r\n")) formatted = formatted.replace("\n", "\r\n");
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        if (formatted.equals(original) && !bom) return new FileOutcome(path, FileOutcome.Kind.UNCHANGED, null, notes);
        String problem = sameData(data, query, pointer, formatted, path, doc.allComments());
        if (problem != null) return internal(path, problem);
        return new FileOutcome(path, FileOutcome.Kind.CHANGED, formatted, notes);
    }

    private static final byte[] QUERY = "query".getBytes(StandardCharsets.US_ASCII);

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    /**
     * The kind's own field order: a parser's ({@link Parser#FIELD_ORDER}), a custom detection's
     * ({@link CustomDetection#FIELD_ORDER}), Azure-Sentinel's template order for rules and hunting queries.
     */
    static List<String> fieldOrder(JsonNode data, String path) {
        KindDetector.Verdict v = new KindDetector().detect(data, path);
        if (v instanceof KindDetector.Verdict.Content c && c.kind() == ContentKind.PARSER) return Parser.FIELD_ORDER;
        if (v instanceof KindDetector.Verdict.Content c && c.kind() == ContentKind.CUSTOM_DETECTION) return CustomDetection.FIELD_ORDER;
        return dev.sentinelctl.arm.YamlFields.ORDER;
    }

    /** Known fields first, in the kind's order; the others after them, in the order they were written. */
    static List<YamlTree.Entry> ordered(List<YamlTree.Entry> entries, List<String> order) {
        Map<String, YamlTree.Entry> byKey = new LinkedHashMap<>();
        for (YamlTree.Entry e : entries) byKey.put(e.key, e);
        List<YamlTree.Entry> out = new ArrayList<>(entries.size());
        for (String k : order) {
            YamlTree.Entry e = byKey.remove(k);
            if (e != null) out.add(e);
        }
        out.addAll(byKey.values());
        return out;
    }

    /**
     * Null when {@code formatted} loads to {@code data} but for the query, whose value must be {@code query} (the
     * formatted one, already checked to be the same program), and keeps every comment.
     */
    private String sameData(JsonNode data, JsonNode query, String pointer, String formatted, String path,
            List<String> originalComments) {
        YamlLoader.Result after = loader.load(formatted.getBytes(StandardCharsets.UTF_8), path);
        if (after.document().isEmpty() || after.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            return "the formatted file does not load: " + (after.diagnostics().isEmpty() ? "no document" : after.diagnostics().get(0).message());
        }
        JsonNode again = after.document().get().root();
        ObjectNode x = ((ObjectNode) data).deepCopy();
        ObjectNode y = again.isObject() ? ((ObjectNode) again).deepCopy() : null;
        if (y == null) return "the formatted file is no longer a mapping";
        JsonNode qy = removeAt(y, pointer);
        removeAt(x, pointer);
        if (!x.equals(y)) return "the formatted file loads to different data";
        // The query was checked against the original by KqlFormatter; here it must read back as what was written.
        if (qy == null || !qy.equals(query)) return "the formatted file has a different query";
        // The emitter writes comments only from the tree, so a file without comments cannot gain any.
        if (!originalComments.isEmpty() && !sorted(originalComments).equals(sorted(YamlTreeReader.comments(formatted.replace("\r\n", "\n"))))) {
            return "the formatted file lost a YAML comment";
        }
        return null;
    }

    /** Removes the value at a one- or two-level pointer ({@code /query}, {@code /queryCondition/queryText}). */
    private static JsonNode removeAt(ObjectNode root, String pointer) {
        String[] parts = pointer.substring(1).split("/");
        ObjectNode holder = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(holder.get(parts[i]) instanceof ObjectNode child)) return null;
            holder = child;
        }
        return holder.remove(parts[parts.length - 1]);
    }

    private static List<String> sorted(List<String> comments) {
        List<String> c = new ArrayList<>(comments);
        c.sort(null);
        return c;
    }

    private static FileOutcome internal(String path, String problem) {
        return new FileOutcome(path, FileOutcome.Kind.INTERNAL_ERROR, null, List.of(Diagnostic.atFile("INTERNAL", Severity.ERROR, path,
                "internal error in fmt, the file was left as it is: " + problem,
                "Please report this with the file; the file itself is fine.")));
    }

    private static Diagnostic queryNote(SourceText source, dev.sentinelctl.content.NodeInfo query, String value,
                                        KqlFormatter.Result r, String path) {
        // Where the error is in the file: the query's offset mapped through its YAML scalar (block, quoted, plain).
        int at = query == null ? 0 : ScalarSourceMap.build(source, query, value).fileOffset(Math.min(r.offset(), value.length()));
        int line = source.lineOf(at);
        int column = source.columnOf(at);
        return new Diagnostic("FMT-query-not-formatted", Severity.WARNING, path, line, column, line, column,
                "query left as written: it has a syntax error (" + r.detail() + ")",
                "Fix the query (`sentinelctl check` shows where); fmt formats it once it parses.");
    }
}
