package dev.sentinelctl.content;

import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one YAML file into a {@link YamlDocument} with the position of every node, defensively: the tree is
 * built from snakeyaml's event stream (not its recursive composer), so hostile input — deep nesting, alias
 * bombs, huge files, binary or UTF-16 data — ends in one clear diagnostic instead of a stack overflow or a hang.
 */
public final class YamlLoader {

    /** Limits a content file must stay within; content files are small, so generous limits cost nothing. */
    public record Limits(long maxBytes, int maxDepth, int maxNodes, int maxAliases) {
        public static final Limits DEFAULT = new Limits(5L * 1024 * 1024, 64, 200_000, 100);
    }

    public record Result(Optional<YamlDocument> document, List<Diagnostic> diagnostics) {
        static Result failed(Diagnostic d) {
            return new Result(Optional.empty(), List.of(d));
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Limits limits;
    private final ScalarResolver resolver = new CoreScalarResolver(false);
    /**
     * The schema snakeyaml's parser resolves plain scalars with. Scalars are typed here ({@link #resolver}); the
     * parser's guess only fills an event field nothing reads, and the stock schemas run a regex per scalar for it.
     */
    private static final org.snakeyaml.engine.v2.schema.Schema UNTYPED = new org.snakeyaml.engine.v2.schema.Schema() {
        @Override
        public ScalarResolver getScalarResolver() {
            return (value, implicit) -> Tag.STR;
        }

        @Override
        public Map<Tag, org.snakeyaml.engine.v2.api.ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    };

    /**
     * Settings by buffer size, 2^i chars at index i, made on first use and shared by all threads (they are
     * immutable): every LoadSettings builder compiles snakeyaml's resolver patterns, once per file otherwise.
     */
    private final AtomicReferenceArray<LoadSettings> settingsBySize = new AtomicReferenceArray<>(24);

    public YamlLoader() {
        this(Limits.DEFAULT);
    }

    public YamlLoader(Limits limits) {
        this.limits = limits;
    }

    public Result load(Path file, String displayPath) {
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                return Result.failed(Diagnostic.atFile("YAML-too-large", Severity.ERROR, displayPath,
                        "file is " + size + " bytes, over the " + limits.maxBytes() + "-byte limit for a content file",
                        "Content files are small; check that this is the file you meant, or move it out of the content folder."));
            }
            return load(Files.readAllBytes(file), displayPath);
        } catch (IOException e) {
            return Result.failed(Diagnostic.atFile("IO-read", Severity.ERROR, displayPath,
                    "cannot read file: " + e.getMessage(), "Check that the file exists and is readable."));
        }
    }

    public Result load(byte[] bytes, String displayPath) {
        Optional<Diagnostic> encodingProblem = checkEncoding(bytes, displayPath);
        if (encodingProblem.isPresent()) return Result.failed(encodingProblem.get());
        int skip = hasUtf8Bom(bytes) ? 3 : 0;
        String text;
        try {
            text = strictUtf8().decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (MalformedInputException e) {
            String before = new String(bytes, skip, firstBadByte(bytes, skip) - skip, StandardCharsets.UTF_8);
            SourceText partial = new SourceText(displayPath, before);
            int offset = before.length();
            return Result.failed(new Diagnostic("YAML-encoding", Severity.ERROR, displayPath, partial.lineOf(offset),
                    partial.columnOf(offset), partial.lineOf(offset), partial.columnOf(offset) + 1,
                    "invalid UTF-8 byte sequence", "Save the file as UTF-8."));
        } catch (CharacterCodingException e) {
            return Result.failed(Diagnostic.atFile("YAML-encoding", Severity.ERROR, displayPath,
                    "file is not valid UTF-8", "Save the file as UTF-8."));
        }
        SourceText source = new SourceText(displayPath, text);
        if (text.isBlank()) {
            return Result.failed(Diagnostic.atFile("YAML-empty", Severity.ERROR, displayPath, "file is empty",
                    "Delete the file, or write a hunting query or analytic rule in it (see `sentinelctl new`)."));
        }
        return new TreeBuilder(source).build();
    }

    private LoadSettings settingsFor(int chars) {
        int bits = Math.max(10, 32 - Integer.numberOfLeadingZeros(chars));
        if (bits >= settingsBySize.length()) return settings(chars + 1);
        LoadSettings made = settingsBySize.get(bits);
        if (made == null) {
            made = settings(1 << bits);
            settingsBySize.compareAndSet(bits, null, made);
        }
        return made;
    }

    /** One buffer for the whole file: the default 1 KB window is refilled and copied over and over. */
    private LoadSettings settings(int bufferSize) {
        return LoadSettings.builder().setUseMarks(true).setSchema(UNTYPED)
                .setMaxAliasesForCollections(limits.maxAliases()).setCodePointLimit(Integer.MAX_VALUE)
                .setBufferSize(bufferSize).build();
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int firstBadByte(byte[] bytes, int from) {
        CharsetDecoder decoder = strictUtf8();
        int lo = from;
        int hi = bytes.length;
        // Binary search for the longest prefix that decodes; files are at most a few MB.
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, from, mid - from));
                lo = mid;
            } catch (CharacterCodingException e) {
                hi = mid - 1;
            }
        }
        // The prefix may end inside a multi-byte character that is fine; step back to a character boundary.
        while (lo > from && (bytes[lo - 1] & 0xC0) == 0x80) lo--;
        if (lo > from && (bytes[lo - 1] & 0x80) != 0) lo--;
        return lo;
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static Optional<Diagnostic> checkEncoding(byte[] b, String path) {
        boolean utf16 = b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE));
        boolean nulAtStart = false;
        int scan = Math.min(b.length, 8192);
        int nuls = 0;
        for (int i = 0; i < scan; i++) {
            if (b[i] == 0) nuls++;
        }
        if (!utf16 && nuls > 0 && b.length >= 2 && (b[0] == 0 || b[1] == 0)) nulAtStart = true;
        if (utf16 || (nulAtStart && nuls * 3 >= scan)) {
            return Optional.of(Diagnostic.atFile("YAML-encoding", Severity.ERROR, path,
                    "file is UTF-16 or UTF-32 encoded; content files must be UTF-8",
                    "Re-save the file as UTF-8 (for example `iconv -f UTF-16 -t UTF-8`)."));
        }
        if (nuls > 0) {
            return Optional.of(Diagnostic.atFile("YAML-binary", Severity.ERROR, path,
                    "file contains NUL bytes: it looks binary, not YAML",
                    "Remove binary files from the content folder."));
        }
        return Optional.empty();
    }

    /** Builds the JSON tree from parser events; one instance per file. */
    private final class TreeBuilder {
        private final SourceText source;
        private final Map<String, NodeInfo> positions = new HashMap<>();
        private final Map<String, Anchored> anchors = new HashMap<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private int nodeCount;
        private int aliasCount;

        private record Anchored(JsonNode node, int size) {}

        /** One open collection: its node, its pointer, and for a mapping the key waiting for its value. */
        private static final class Frame {
            final JsonNode node;
            final String pointer;
            final int start;
            final Set<String> keys = new HashSet<>();
            final Map<String, Integer> keyLines = new HashMap<>();
            String pendingKey;
            int pendingKeyStart = -1;
            int pendingKeyEnd = -1;
            final Optional<Anchor> anchor;
            final int nodesAtStart;

            Frame(JsonNode node, String pointer, int start, Optional<Anchor> anchor, int nodesAtStart) {
                this.node = node;
                this.pointer = pointer;
                this.start = start;
                this.anchor = anchor;
                this.nodesAtStart = nodesAtStart;
            }
        }

        TreeBuilder(SourceText source) {
            this.source = source;
        }

        Result build() {
            LoadSettings settings = settingsFor(source.text().length());
            Deque<Frame> stack = new ArrayDeque<>();
            JsonNode root = null;
            int documents = 0;
            try {
                Iterator<Event> events = new Parse(settings).parseString(source.text()).iterator();
                while (events.hasNext()) {
                    Event event = events.next();
                    switch (event.getEventId()) {
                        case DocumentStart -> {
                            documents++;
                            if (documents > 1) {
                                diagnostics.add(at("YAML-multiple-documents", event.getStartMark(), event.getStartMark(),
                                        "file holds more than one YAML document; only the first is read",
                                        "Put each hunting query or rule in a file of its own."));
                                return finish(root);
                            }
                        }
                        case Scalar -> {
                            ScalarEvent s = (ScalarEvent) event;
                            if (!stack.isEmpty() && stack.peek().node instanceof ObjectNode && stack.peek().pendingKey == null) {
                                if (!acceptKey(stack.peek(), s)) return finish(root);
                                continue;
                            }
                            JsonNode value = scalarValue(s);
                            int start = offset(s.getStartMark());
                            int end = offset(s.getEndMark());
                            if (!countNodes(1, s.getStartMark())) return finish(root);
                            remember(s.getAnchor(), value, 1);
                            root = attach(stack, value, start, end, styleOf(s), root);
                        }
                        case MappingStart, SequenceStart -> {
                            NodeEvent n = (NodeEvent) event;
                            if (!stack.isEmpty() && stack.peek().node instanceof ObjectNode && stack.peek().pendingKey == null) {
                                diagnostics.add(at("YAML-key-type", event.getStartMark(), event.getEndMark(),
                                        "a mapping key must be a plain value, not a list or a mapping",
                                        "Use a simple name as the key."));
                                return finish(root);
                            }
                            if (stack.size() >= limits.maxDepth()) {
                                diagnostics.add(at("YAML-too-deep", event.getStartMark(), event.getEndMark(),
                                        "nesting is deeper than " + limits.maxDepth() + " levels",
                                        "Content files need only a few levels of nesting; check for runaway brackets."));
                                return finish(root);
                            }
                            if (!countNodes(1, event.getStartMark())) return finish(root);
                            JsonNode node = event instanceof MappingStartEvent ? NODES.objectNode() : NODES.arrayNode();
                            int start = offset(event.getStartMark());
                            String pointer = childPointer(stack);
                            Frame parentBefore = stack.peek();
                            root = attach(stack, node, start, start, NodeInfo.ScalarStyle.NONE, root);
                            stack.push(new Frame(node, pointer, start, n.getAnchor(), nodeCount));
                            if (parentBefore == null) positions.put("", new NodeInfo(start, start, -1, -1, NodeInfo.ScalarStyle.NONE));
                        }
                        case MappingEnd, SequenceEnd -> {
                            Frame done = stack.pop();
                            int end = offset(event.getEndMark());
                            NodeInfo old = positions.get(done.pointer);
                            if (old != null) {
                                positions.put(done.pointer, new NodeInfo(old.start(), Math.max(end, old.start()),
                                        old.keyStart(), old.keyEnd(), old.style()));
                            }
                            remember(done.anchor, done.node, nodeCount - done.nodesAtStart + 1);
                        }
                        case Alias -> {
                            AliasEvent a = (AliasEvent) event;
                            if (!stack.isEmpty() && stack.peek().node instanceof ObjectNode && stack.peek().pendingKey == null) {
                                diagnostics.add(at("YAML-key-type", event.getStartMark(), event.getEndMark(),
                                        "an alias cannot be used as a mapping key here", "Write the key out."));
                                return finish(root);
                            }
                            Anchored target = anchors.get(a.getAlias().getValue());
                            if (target == null) {
                                diagnostics.add(at("YAML-syntax", event.getStartMark(), event.getEndMark(),
                                        "unknown alias *" + a.getAlias().getValue(), "Define the anchor before using it."));
                                return finish(root);
                            }
                            if (++aliasCount > limits.maxAliases() || nodeCount + target.size() > limits.maxNodes()) {
                                diagnostics.add(at("YAML-alias-bomb", event.getStartMark(), event.getEndMark(),
                                        "aliases expand to too many nodes (over " + limits.maxNodes() + ")",
                                        "Content files do not need anchors and aliases; write the values out."));
                                return finish(root);
                            }
                            nodeCount += target.size();
                            root = attach(stack, target.node(), offset(event.getStartMark()), offset(event.getEndMark()),
                                    NodeInfo.ScalarStyle.NONE, root);
                        }
                        default -> { }
                    }
                }
            } catch (MarkedYamlEngineException e) {
                Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
                diagnostics.add(at("YAML-syntax", mark, mark, describe(e), syntaxHint(e)));
                return new Result(Optional.empty(), List.copyOf(diagnostics));
            } catch (YamlEngineException e) {
                diagnostics.add(Diagnostic.atFile("YAML-syntax", Severity.ERROR, source.displayPath(),
                        "YAML error: " + e.getMessage(), "Fix the YAML syntax."));
                return new Result(Optional.empty(), List.copyOf(diagnostics));
            }
            return finish(root);
        }

        private Result finish(JsonNode root) {
            if (root == null) {
                if (diagnostics.isEmpty()) {
                    diagnostics.add(Diagnostic.atFile("YAML-empty", Severity.ERROR, source.displayPath(),
                            "file holds no YAML content (only comments or blank lines)",
                            "Delete the file, or write a hunting query or analytic rule in it."));
                }
                return new Result(Optional.empty(), List.copyOf(diagnostics));
            }
            checkTabs();
            boolean fatal = diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR
                    && !d.ruleId().equals("YAML-duplicate-key") && !d.ruleId().equals("YAML-multiple-documents")
                    && !d.ruleId().equals("YAML-tab"));
            Optional<YamlDocument> doc = fatal ? Optional.empty()
                    : Optional.of(new YamlDocument(source, root, Map.copyOf(positions)));
            return new Result(doc, List.copyOf(diagnostics));
        }

        /**
         * YAML 1.2 allows a tab as separating white space, YAML 1.1 readers (PyYAML, older tooling in
         * pipelines) reject it; tabs in indentation or trailing white space outside block text are reported.
         */
        private void checkTabs() {
            String text = source.text();
            if (text.indexOf('\t') < 0) return;
            List<int[]> blocks = new ArrayList<>();
            for (NodeInfo info : positions.values()) {
                if (info.style() == NodeInfo.ScalarStyle.LITERAL || info.style() == NodeInfo.ScalarStyle.FOLDED
                        || info.style() == NodeInfo.ScalarStyle.DOUBLE_QUOTED || info.style() == NodeInfo.ScalarStyle.SINGLE_QUOTED) {
                    blocks.add(new int[] {info.start(), info.end()});
                }
            }
            for (int line = 1; line <= source.lineCount(); line++) {
                String content = source.lineText(line);
                int start = source.lineStart(line);
                int lead = 0;
                while (lead < content.length() && (content.charAt(lead) == ' ' || content.charAt(lead) == '\t')) lead++;
                int trail = content.length();
                while (trail > lead && (content.charAt(trail - 1) == ' ' || content.charAt(trail - 1) == '\t')) trail--;
                int tab = content.substring(0, lead).indexOf('\t');
                if (tab < 0 && content.substring(trail).indexOf('\t') >= 0) tab = trail + content.substring(trail).indexOf('\t');
                if (tab < 0) continue;
                int offset = start + tab;
                if (blocks.stream().anyMatch(b -> offset > b[0] && offset < b[1])) continue;
                diagnostics.add(new Diagnostic("YAML-tab", Severity.WARNING, source.displayPath(), line, tab + 1, line, tab + 2,
                        "tab character in YAML white space; YAML 1.1 readers such as PyYAML reject this file",
                        "Replace the tab with spaces (or delete trailing white space)."));
                return;
            }
        }

        private boolean acceptKey(Frame frame, ScalarEvent key) {
            String name = key.getValue();
            int start = offset(key.getStartMark());
            int end = offset(key.getEndMark());
            if (!frame.keys.add(name)) {
                diagnostics.add(new Diagnostic("YAML-duplicate-key", Severity.ERROR, source.displayPath(),
                        source.lineOf(start), source.columnOf(start), source.lineOf(end), source.columnOf(end),
                        "duplicate key '" + name + "' (first defined on line " + frame.keyLines.get(name)
                                + "); YAML readers disagree on which value wins",
                        "Keep one '" + name + "' entry and delete the other."));
            } else {
                frame.keyLines.put(name, source.lineOf(start));
            }
            frame.pendingKey = name;
            frame.pendingKeyStart = start;
            frame.pendingKeyEnd = end;
            return true;
        }

        private String childPointer(Deque<Frame> stack) {
            Frame parent = stack.peek();
            if (parent == null) return "";
            if (parent.node instanceof ObjectNode) return parent.pointer + "/" + escape(parent.pendingKey);
            return parent.pointer + "/" + ((ArrayNode) parent.node).size();
        }

        private JsonNode attach(Deque<Frame> stack, JsonNode value, int start, int end, NodeInfo.ScalarStyle style,
                                JsonNode root) {
            Frame parent = stack.peek();
            String pointer = childPointer(stack);
            if (parent == null) {
                positions.put("", new NodeInfo(start, end, -1, -1, style));
                return root == null ? value : root;
            }
            if (parent.node instanceof ObjectNode obj) {
                positions.put(pointer, new NodeInfo(start, end, parent.pendingKeyStart, parent.pendingKeyEnd, style));
                // On a duplicate key the first value stays, as Azure-Sentinel's loader keeps it too.
                if (!obj.has(parent.pendingKey)) obj.set(parent.pendingKey, value);
                parent.pendingKey = null;
            } else {
                positions.put(pointer, new NodeInfo(start, end, -1, -1, style));
                ((ArrayNode) parent.node).add(value);
            }
            return root;
        }

        private void remember(Optional<Anchor> anchor, JsonNode node, int size) {
            anchor.ifPresent(a -> anchors.put(a.getValue(), new Anchored(node, size)));
        }

        private boolean countNodes(int n, Optional<Mark> mark) {
            nodeCount += n;
            if (nodeCount > limits.maxNodes()) {
                diagnostics.add(at("YAML-too-many-nodes", mark, mark,
                        "file has more than " + limits.maxNodes() + " YAML nodes",
                        "A content file holds one hunting query or rule; split or shrink this file."));
                return false;
            }
            return true;
        }

        private JsonNode scalarValue(ScalarEvent s) {
            String value = s.getValue();
            Optional<String> tag = s.getTag();
            Tag resolved;
            if (tag.isPresent() && !tag.get().equals("!")) {
                resolved = new Tag(tag.get());
            } else if (s.isPlain()) {
                resolved = startsAsString(value) ? Tag.STR : resolver.resolve(value, true);
            } else {
                resolved = Tag.STR;
            }
            try {
                if (resolved.equals(Tag.NULL)) return NODES.nullNode();
                if (resolved.equals(Tag.BOOL)) return NODES.booleanNode(value.equalsIgnoreCase("true"));
                if (resolved.equals(Tag.INT)) {
                    BigInteger big = parseInteger(value);
                    if (big.bitLength() < 32) return NODES.numberNode(big.intValue());
                    if (big.bitLength() < 64) return NODES.numberNode(big.longValue());
                    return NODES.numberNode(big);
                }
                if (resolved.equals(Tag.FLOAT)) {
                    String v = value.replace("_", "");
                    if (v.matches("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)")) return NODES.stringNode(value);
                    return NODES.numberNode(new BigDecimal(v));
                }
            } catch (NumberFormatException e) {
                return NODES.stringNode(value);
            }
            return NODES.stringNode(value);
        }

        /**
         * A plain scalar that starts with a letter other than those of null, true and false is a string in the core
         * schema; most values are, and the resolver would try a pattern on each.
         */
        private static boolean startsAsString(String value) {
            if (value.isEmpty()) return false;
            char c = value.charAt(0);
            return Character.isLetter(c) && "nNtTfF".indexOf(c) < 0;
        }

        private BigInteger parseInteger(String value) {
            String v = value.replace("_", "");
            boolean negative = v.startsWith("-");
            if (v.startsWith("-") || v.startsWith("+")) v = v.substring(1);
            BigInteger n;
            if (v.startsWith("0x")) n = new BigInteger(v.substring(2), 16);
            else if (v.startsWith("0o")) n = new BigInteger(v.substring(2), 8);
            else n = new BigInteger(v);
            return negative ? n.negate() : n;
        }

        private NodeInfo.ScalarStyle styleOf(ScalarEvent s) {
            return switch (s.getScalarStyle()) {
                case PLAIN -> NodeInfo.ScalarStyle.PLAIN;
                case SINGLE_QUOTED -> NodeInfo.ScalarStyle.SINGLE_QUOTED;
                case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> NodeInfo.ScalarStyle.DOUBLE_QUOTED;
                case LITERAL -> NodeInfo.ScalarStyle.LITERAL;
                case FOLDED -> NodeInfo.ScalarStyle.FOLDED;
            };
        }

        private int offset(Optional<Mark> mark) {
            if (mark.isEmpty()) return 0;
            Mark m = mark.get();
            return source.offsetOfCodePointColumn(m.getLine(), m.getColumn());
        }

        private Diagnostic at(String rule, Optional<Mark> start, Optional<Mark> end, String message, String hint) {
            int s = offset(start);
            int e = Math.max(s, offset(end));
            Span span = Span.of(source, s, e);
            return new Diagnostic(rule, Severity.ERROR, source.displayPath(), span.line(), span.column(),
                    span.endLine(), span.endColumn(), message, hint);
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String describe(MarkedYamlEngineException e) {
        StringBuilder sb = new StringBuilder("YAML syntax error: ");
        if (e.getProblem() != null) sb.append(e.getProblem());
        if (e.getContext() != null && !e.getContext().isBlank()) sb.append(" (").append(e.getContext()).append(")");
        return sb.toString().replace("\t", "\\t").replaceAll("\\s+", " ").trim();
    }

    private static String syntaxHint(MarkedYamlEngineException e) {
        String problem = String.valueOf(e.getProblem()) + " " + String.valueOf(e.getContext());
        if (problem.contains("\\t") || problem.contains("\t") || problem.contains("TAB")) {
            return "YAML does not allow tab characters for indentation; indent with spaces.";
        }
        if (problem.contains("mapping values are not allowed")) {
            return "Quote values that contain ': ', or use a block scalar (`key: |`) for multi-line text such as queries.";
        }
        if (problem.contains("could not find expected ':'")) {
            return "Check the indentation of this line and the one before it, and close any open quotes.";
        }
        if (problem.contains("found unexpected end of stream") || problem.contains("found unknown escape")) {
            return "Close the quoted string, or use a block scalar (`key: |`) so the text needs no escaping.";
        }
        return "Check indentation and quoting around this position.";
    }
}
