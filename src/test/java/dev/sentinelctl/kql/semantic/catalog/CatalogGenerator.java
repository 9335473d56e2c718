package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.kql.semantic.ArgumentKind;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.Parameter;
import dev.sentinelctl.kql.semantic.ParameterTypeKind;
import dev.sentinelctl.kql.semantic.ResultNameKind;
import dev.sentinelctl.kql.semantic.ReturnRule;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.Signature;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.kql.semantic.TabularType;
import dev.sentinelctl.kql.semantic.TypeNames;
import dev.sentinelctl.kql.semantic.catalog.JsonValue.JsonArray;
import dev.sentinelctl.kql.semantic.catalog.JsonValue.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Regenerates src/main/resources/catalog and src/main/resources/reference from ../shared/reference.
 * Kept in test sources: it is a build-time tool, not part of the shipped CLI. Run (from the repo root):
 * <pre>
 *   mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=dev.sentinelctl.kql.semantic.catalog.CatalogGenerator \
 *       -Dexec.args="../shared/reference src/main/resources"
 * </pre>
 * Output is deterministic (sorted inputs, no timestamps) so a regeneration diff shows only data changes.
 */
public final class CatalogGenerator {

    /** Log Analytics standard columns every workspace table has, whether or not a schema source lists them. */
    static final List<Column> STANDARD_COLUMNS = List.of(
            new Column("TenantId", ScalarType.STRING, true),
            new Column("TimeGenerated", ScalarType.DATETIME, true),
            new Column("Type", ScalarType.STRING, true),
            new Column("_ResourceId", ScalarType.STRING, true),
            new Column("_SubscriptionId", ScalarType.STRING, true),
            new Column("_ItemId", ScalarType.STRING, true),
            new Column("_TimeReceived", ScalarType.DATETIME, true),
            new Column("_BilledSize", ScalarType.REAL, true),
            new Column("_IsBillable", ScalarType.STRING, true));

    /** Columns Sentinel's _GetWatchlist returns besides the watchlist's own (Sentinel watchlist docs). */
    static final List<Column> WATCHLIST_COLUMNS = List.of(
            new Column("_DTItemId", ScalarType.STRING),
            new Column("LastUpdatedTimeUTC", ScalarType.DATETIME),
            new Column("SearchKey", ScalarType.STRING),
            new Column("WatchlistItem", ScalarType.DYNAMIC));

    static final int SHARDS = 16;

    private final Path reference;
    private final Path out;
    private final List<String> warnings = new ArrayList<>();

    private CatalogGenerator(Path reference, Path out) {
        this.reference = reference;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CatalogGenerator <shared/reference dir> <src/main/resources dir>");
            System.exit(2);
        }
        CatalogGenerator g = new CatalogGenerator(Path.of(args[0]), Path.of(args[1]));
        g.run();
    }

    private void run() throws Exception {
        Files.createDirectories(out.resolve("catalog"));
        Files.createDirectories(out.resolve("reference"));
        writeTables();
        writeFunctions();
        new ReferenceDataGenerator(reference, out.resolve("reference"), warnings).run();
        Path warningFile = out.resolve("catalog/generator-warnings.txt");
        Files.writeString(warningFile, String.join("\n", warnings) + "\n");
        System.out.println(warnings.size() + " warnings written to " + warningFile);
    }

    // ------------------------------------------------------------------ tables

    private void writeTables() throws IOException {
        TableMerger merger = new TableMerger();
        // 1. KustoServices built-ins, 2. Azure-Sentinel CustomTables (2023-11), 3. la_table_schemas.csv:
        // the oracle's default order, so a later, fresher source wins on a column's type.
        for (Path f : jsonFiles(reference.resolve("sentinel-kustoservices/Tables"))) readSchemaFile(f, merger, "ks", null);
        for (Path dir : dirsNamed(reference.resolve("azure-sentinel"), "CustomTables")) {
            for (Path f : jsonFiles(dir)) readSchemaFile(f, merger, "ast", null);
        }
        readCsvTables(reference.resolve("azure-sentinel/sentinelninja-2026/la_table_schemas.csv"), merger);

        List<TableSchema> merged = merger.tables();
        // Shards of consecutive tables, so a lookup reads ~1/16 of the data; the index gives byte offsets.
        int shardSize = (merged.size() + SHARDS - 1) / SHARDS;
        String header = "# generated by CatalogGenerator from shared/reference; do not edit. Format: catalog/README.md\n";
        StringBuilder idx = new StringBuilder(CatalogFormat.TABLES_HEADER).append('\n').append(header);
        StringBuilder shard = new StringBuilder();
        int shardBytes = 0;
        int shardNo = 0;
        int columns = 0;
        int added = 0;
        for (int i = 0; i < merged.size(); i++) {
            TableSchema t = merged.get(i);
            TableSchema full = withStandardColumns(t);
            added += full.columns().size() - t.columns().size();
            columns += full.columns().size();
            String line = CatalogFormat.tableLine(full, merger.sources(t.name()));
            int len = line.getBytes(StandardCharsets.UTF_8).length;
            idx.append(t.name()).append('\t').append(shardNo).append('\t').append(shardBytes).append('\t').append(len).append('\n');
            shard.append(line).append('\n');
            shardBytes += len + 1;
            if ((i + 1) % shardSize == 0 || i == merged.size() - 1) {
                Files.writeString(out.resolve(String.format(Locale.ROOT, "catalog/tables-%02d.tsv", shardNo)), shard.toString(),
                        StandardCharsets.UTF_8);
                shard.setLength(0);
                shardBytes = 0;
                shardNo++;
            }
        }
        Files.writeString(out.resolve("catalog/tables.idx"), idx.toString(), StandardCharsets.UTF_8);
        writeTablesWithoutSchema(merged);
        System.out.println("tables.idx + " + shardNo + " shards: " + merged.size() + " tables, " + columns
                + " columns (" + added + " standard columns added)");
    }

    /**
     * Table names Sentinel content or connectors mention but no schema source describes (mostly newer
     * {@code _CL} tables). The binder can then say "schema unknown" instead of "no such table".
     * Codes: t tables.csv, r tables_reference.csv, s solutions→connectors→tables, c content→tables.
     */
    private void writeTablesWithoutSchema(List<TableSchema> merged) throws IOException {
        Set<String> known = new java.util.HashSet<>();
        for (TableSchema t : merged) known.add(t.name().toLowerCase(Locale.ROOT));
        Path ninja = reference.resolve("azure-sentinel/sentinelninja-2026");
        Map<String, Set<String>> found = new TreeMap<>();
        for (String[] src : new String[][] {{"tables.csv", "t"}, {"tables_reference.csv", "r"},
                {"solutions_connectors_tables_mapping_simplified.csv", "s"}, {"content_tables_mapping.csv", "c"}}) {
            List<List<String>> rows = Csv.read(ninja.resolve(src[0]));
            int col = rows.get(0).indexOf("table_name");
            for (List<String> r : rows.subList(1, rows.size())) {
                String t = r.get(col).strip();
                // names like "[parameters('X')]_CL" or with zero-width spaces are template noise, not tables
                if (t.isEmpty() || !t.matches("[A-Za-z_][A-Za-z0-9_]*") || known.contains(t.toLowerCase(Locale.ROOT))) continue;
                found.computeIfAbsent(t, k -> new TreeSet<>()).add(src[1]);
            }
        }
        StringBuilder sb = new StringBuilder("# generated by CatalogGenerator from shared/reference; do not edit. Format: catalog/README.md\n");
        found.forEach((t, codes) -> sb.append(t).append('\t').append(String.join("", codes)).append('\n'));
        Files.writeString(out.resolve("catalog/tables-without-schema.tsv"), sb.toString(), StandardCharsets.UTF_8);
        System.out.println("tables-without-schema.tsv: " + found.size() + " names");
    }

    /**
     * Adds the standard columns a table's sources left out. Defender XDR tables streamed into the workspace
     * (they carry ReportId) also get {@code Timestamp}, which their queries use instead of TimeGenerated.
     */
    static TableSchema withStandardColumns(TableSchema t) {
        List<Column> cols = new ArrayList<>(t.columns());
        Set<String> have = new java.util.HashSet<>();
        for (Column c : cols) have.add(c.name().toLowerCase(Locale.ROOT));
        for (Column c : STANDARD_COLUMNS) {
            if (have.add(c.name().toLowerCase(Locale.ROOT))) cols.add(c);
        }
        if (have.contains("reportid") && isDefenderXdrTable(t.name()) && have.add("timestamp")) {
            cols.add(new Column("Timestamp", ScalarType.DATETIME, true));
        }
        return new TableSchema(t.name(), cols);
    }

    static boolean isDefenderXdrTable(String name) {
        return Stream.of("Device", "Email", "Identity", "Alert", "CloudApp", "UrlClick", "Behavior", "Exposure",
                "MessageEvents", "MessagePostDelivery", "MessageUrlInfo", "AADSignInEventsBeta",
                "AADSpnSignInEventsBeta", "OAuthAppInfo", "CampaignInfo", "FileMaliciousContentInfo",
                "DataSecurity", "Disruption", "AIAgents", "GraphApiAuditEvents").anyMatch(name::startsWith);
    }

    private void readCsvTables(Path csv, TableMerger merger) throws IOException {
        List<List<String>> rows = Csv.read(csv);
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int ti = header.indexOf("table_name");
        int ci = header.indexOf("column_name");
        int yi = header.indexOf("column_type");
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            String t = r.get(ti);
            String c = r.get(ci);
            if (t.isEmpty() || c.isEmpty()) continue;
            if (!seen.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(c)) continue;
            TypeNames.Parsed p = TypeNames.parse(r.get(yi));
            if (!p.recognised()) warnings.add(csv.getFileName() + ": " + t + "." + c + ": unknown type '" + r.get(yi) + "', using dynamic");
            byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(new Column(c, p.type()));
        }
        byTable.forEach((t, cols) -> merger.add(t, cols, "csv"));
    }

    /** Reads one Azure-Sentinel-style schema file into the merger (tables) and/or the function map. */
    private void readSchemaFile(Path f, TableMerger merger, String sourceCode, Map<String, FunctionSymbol> functions)
            throws IOException {
        String rel = reference.relativize(f).toString();
        JsonValue doc;
        try {
            doc = LenientJson.parse(Files.readString(f, StandardCharsets.UTF_8));
        } catch (LenientJson.SyntaxError e) {
            warnings.add(rel + ":" + e.line() + ":" + e.column() + ": not read: " + e.getMessage());
            return;
        }
        SchemaDocuments docs = new SchemaDocuments(sourceCode + ":" + f.getFileName());
        docs.read(doc);
        for (SchemaProblem p : docs.problems()) warnings.add(rel + ":" + p.line() + ":" + p.column() + ": " + p.message());
        if (merger != null) for (SchemaDocuments.TableDef t : docs.tables()) merger.add(t.name(), t.columns(), sourceCode);
        if (functions != null) {
            // later files win, matched case-insensitively like the oracle
            for (FunctionSymbol fn : docs.functions()) {
                functions.entrySet().removeIf(e -> e.getKey().equalsIgnoreCase(fn.name()));
                functions.put(fn.name(), fn);
            }
        }
    }

    // ------------------------------------------------------------------ functions

    private void writeFunctions() throws IOException {
        JsonObject builtins;
        try {
            builtins = (JsonObject) LenientJson.parse(Files.readString(reference.resolve("kusto-builtins.json")));
        } catch (LenientJson.SyntaxError e) {
            throw new IOException("kusto-builtins.json: " + e.getMessage(), e);
        }
        StringBuilder sb = new StringBuilder(CatalogFormat.FUNCTIONS_HEADER).append('\n');
        sb.append("# generated by CatalogGenerator from shared/reference; do not edit. Format: catalog/README.md\n");
        Map<FunctionKind, Integer> counts = new TreeMap<>();
        for (String group : List.of("functions", "aggregates", "plugins", "scalarOperators")) {
            FunctionKind kind = switch (group) {
                case "functions" -> FunctionKind.SCALAR;
                case "aggregates" -> FunctionKind.AGGREGATE;
                case "plugins" -> FunctionKind.PLUGIN;
                default -> FunctionKind.OPERATOR;
            };
            for (JsonValue v : ((JsonArray) builtins.get(group).orElseThrow()).items()) {
                CatalogFormat.appendFunction(sb, builtIn((JsonObject) v, kind));
                counts.merge(kind, 1, Integer::sum);
            }
        }
        Map<String, FunctionSymbol> stored = new LinkedHashMap<>();
        for (Path f : jsonFiles(reference.resolve("sentinel-kustoservices/Functions"))) readSchemaFile(f, null, "ks", stored);
        for (Path dir : dirsNamed(reference.resolve("azure-sentinel"), "CustomFunctions")) {
            for (Path f : jsonFiles(dir)) readSchemaFile(f, null, "ast", stored);
        }
        stored.computeIfPresent("_GetWatchlist", (k, f) -> withWatchlistColumns(f));
        addAsimAliases(stored);
        for (FunctionSymbol f : new TreeMap<>(stored).values()) CatalogFormat.appendFunction(sb, f);
        counts.put(FunctionKind.STORED, stored.size());
        Files.writeString(out.resolve("catalog/functions.tsv"), sb.toString(), StandardCharsets.UTF_8);
        System.out.println("functions.tsv: " + counts);
    }

    /**
     * ASIM names each unifying parser four ways (docs: "normalization-about-parsers"): built-in {@code _Im_X}
     * (filtering) and {@code _ASim_X} (parameter-less), workspace-deployed {@code imX} and {@code ASimX}.
     * The sources give mostly {@code _Im_X}; the other names get its signature and result columns, with
     * source {@code derived:alias-of:_Im_X} so oracle-parity tests can leave them out. ProcessEvent also
     * has ProcessCreate/ProcessTerminate variants with the same schema.
     */
    static void addAsimAliases(Map<String, FunctionSymbol> stored) {
        Map<String, FunctionSymbol> add = new TreeMap<>();
        for (FunctionSymbol f : stored.values()) {
            if (!f.name().startsWith("_Im_")) continue;
            String schema = f.name().substring(4);
            List<String> schemas = schema.equals("ProcessEvent")
                    ? List.of(schema, "ProcessCreate", "ProcessTerminate") : List.of(schema);
            for (String s : schemas) {
                for (String alias : List.of("_Im_" + s, "im" + s, "_ASim_" + s, "ASim" + s)) {
                    boolean known = stored.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(alias))
                            || add.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(alias));
                    if (!known) {
                        add.put(alias, new FunctionSymbol(alias, f.kind(), f.signatures(), false, "", f.resultNameKind(),
                                f.resultNamePrefix(), "derived:alias-of:" + f.name()));
                    }
                }
            }
        }
        stored.putAll(add);
    }

    private static FunctionSymbol withWatchlistColumns(FunctionSymbol f) {
        List<Column> cols = new ArrayList<>(WATCHLIST_COLUMNS);
        for (Column c : f.resultColumns()) {
            if (cols.stream().noneMatch(x -> x.name().equals(c.name()))) cols.add(c);
        }
        Signature s = f.signatures().get(0);
        Signature s2 = new Signature(s.returnRule(), new TabularType(cols), s.parameters(), s.minArgs(), s.maxArgs(),
                true, s.hidden(), s.replacement());
        return new FunctionSymbol(f.name(), f.kind(), List.of(s2), f.hidden(), f.replacement(), f.resultNameKind(),
                f.resultNamePrefix(), f.source() + "+watchlist-columns");
    }

    private FunctionSymbol builtIn(JsonObject o, FunctionKind kind) {
        String name = o.string("name").orElseThrow();
        List<Signature> sigs = new ArrayList<>();
        for (JsonValue sv : ((JsonArray) o.get("signatures").orElseThrow()).items()) {
            JsonObject s = (JsonObject) sv;
            List<Parameter> params = new ArrayList<>();
            for (JsonValue pv : s.get("parameters").map(p -> ((JsonArray) p).items()).orElse(List.of())) {
                params.add(parameter(name, (JsonObject) pv));
            }
            ReturnRule rule = ReturnRule.fromKusto(s.string("returnKind").orElse("Custom"));
            boolean tabular = "Tabular".equals(s.string("tabularity").orElse(""));
            KqlType rt = returnType(name, kind, rule, s.string("returnType").orElse(null), tabular);
            rule = overrideRule(name, rule);
            String replacement = bool(s, "obsolete") ? s.string("alternative").orElse("?") : "";
            sigs.add(new Signature(rule, rt, params, integer(s, "minArgs"), integer(s, "maxArgs"), tabular,
                    bool(s, "hidden"), replacement));
        }
        String replacement = bool(o, "obsolete") ? o.string("alternative").orElse("?") : "";
        return new FunctionSymbol(name, kind, sigs, bool(o, "hidden"), replacement,
                ResultNameKind.fromKusto(o.string("resultNameKind").orElse(null)), o.string("resultNamePrefix").orElse(""),
                "kusto-builtins");
    }

    /**
     * Kusto computes these CUSTOM results in code; where the rule is simple we name it so the binder
     * need not special-case them: percentile(x, p) has x's type; bin_auto(x) has x's type.
     */
    private static ReturnRule overrideRule(String name, ReturnRule rule) {
        if (rule != ReturnRule.CUSTOM) return rule;
        return switch (name) {
            case "percentile", "percentilew", "bin_auto", "UnaryMinus", "UnaryPlus" -> ReturnRule.PARAMETER0;
            default -> rule;
        };
    }

    private KqlType returnType(String name, FunctionKind kind, ReturnRule rule, String declared, boolean tabular) {
        if (declared != null && !declared.equals("Table")) {
            TypeNames.Parsed p = TypeNames.parse(declared);
            if (!p.recognised()) warnings.add("kusto-builtins.json: " + name + ": unknown return type " + declared);
            return p.type();
        }
        if (tabular || rule == ReturnRule.ENTITY_REFERENCE) return ErrorType.UNKNOWN;
        // CUSTOM scalar functions build arrays, bags and series: dynamic is right for all but the tuple-returning
        // series_* and the multi-column aggregates (arg_max, percentiles ...), which the binder must expand itself.
        if (rule == ReturnRule.CUSTOM) {
            return kind == FunctionKind.SCALAR ? ScalarType.DYNAMIC
                    : name.endsWith("_array") ? ScalarType.DYNAMIC : ErrorType.UNKNOWN;
        }
        return ErrorType.UNKNOWN;
    }

    private Parameter parameter(String fn, JsonObject p) {
        String name = p.string("name").orElseThrow();
        ParameterTypeKind tk = ParameterTypeKind.fromKusto(p.string("typeKind").orElse("Scalar"));
        Set<ScalarType> types = EnumSet.noneOf(ScalarType.class);
        // (a scalar operator's typeKind "Parameter0" means "same type as the first operand")
        for (JsonValue t : p.get("types").map(v -> ((JsonArray) v).items()).orElse(List.of())) {
            String tn = t.asText().orElse("");
            if (tn.equals("type")) {
                tk = ParameterTypeKind.TYPE_LITERAL;
                continue;
            }
            TypeNames.Parsed parsed = TypeNames.parse(tn);
            if (!parsed.recognised()) warnings.add("kusto-builtins.json: " + fn + "(" + name + "): unknown type " + tn);
            types.add(parsed.type());
        }
        List<String> values = new ArrayList<>();
        for (JsonValue v : p.get("values").map(x -> ((JsonArray) x).items()).orElse(List.of())) values.add(v.asText().orElse(""));
        return new Parameter(name, tk, types, ArgumentKind.fromKusto(p.string("argumentKind").orElse(null)),
                integer(p, "minOccurring"), integer(p, "maxOccurring"), bool(p, "optional"), bool(p, "repeatable"),
                values, "");
    }

    private static boolean bool(JsonObject o, String key) {
        return o.get(key).map(v -> v instanceof JsonValue.JsonBool b && b.value()).orElse(false);
    }

    private static int integer(JsonObject o, String key) {
        return o.string(key).map(Integer::parseInt).orElse(0);
    }

    // ------------------------------------------------------------------ files

    /** *.json files of a folder in the oracle's order (JavaScript's default sort = UTF-16 order = String order). */
    static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    static List<Path> dirsNamed(Path root, String name) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().equals(name))
                    .sorted().toList();
        }
    }

    /** Minimal RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes, BOM. */
    static final class Csv {
        static List<List<String>> read(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                    row.add(field.toString());
                    field.setLength(0);
                    if (row.size() > 1 || !row.get(0).isEmpty()) rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }

}
