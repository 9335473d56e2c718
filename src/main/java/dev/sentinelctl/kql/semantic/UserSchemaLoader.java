package dev.sentinelctl.kql.semantic;

import dev.sentinelctl.kql.semantic.catalog.LenientJson;
import dev.sentinelctl.kql.semantic.catalog.SchemaDocuments;
import dev.sentinelctl.kql.semantic.catalog.SchemaProblem;
import dev.sentinelctl.kql.semantic.catalog.TableMerger;
import dev.sentinelctl.kql.semantic.catalog.UserCsv;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a user's schema folder ({@code --schema DIR}): custom tables, parser functions and watchlists in
 * the JSON shapes of Azure-Sentinel's CustomTables/CustomFunctions (see {@link SchemaDocuments}), plus CSV:
 * {@code table_name,column_name,column_type} rows (like la_table_schemas.csv) define tables, any other CSV
 * is a watchlist named after the file whose header row gives its (string) columns, as Sentinel watchlists
 * are uploaded. Files are read in sorted path order; a table in several files gets the union of columns.
 * Never throws for bad input: every problem becomes a {@link Diagnostic} with file, line and column.
 */
public final class UserSchemaLoader {

    /** Unreadable file, not UTF-8, malformed JSON. */
    public static final String RULE_SYNTAX = "SCHEMA-user-syntax";
    /** Well-formed JSON that is not a usable schema (missing names, wrong shapes, unknown types). */
    public static final String RULE_CONTENT = "SCHEMA-user-content";

    private UserSchemaLoader() {
    }

    /** @param path a folder (searched recursively for *.json and *.csv) or a single file */
    public static UserSchema load(Path path) {
        List<Diagnostic> diags = new ArrayList<>();
        TableMerger tables = new TableMerger();
        Map<String, FunctionSymbol> functions = new LinkedHashMap<>();
        Map<String, TableSchema> watchlists = new LinkedHashMap<>();
        for (Path file : files(path, diags)) {
            String shown = file.toString();
            try {
                readFile(file, shown, diags, tables, functions, watchlists);
            } catch (RuntimeException e) {
                // a bug of ours must not cost the user the rest of the run; say where it happened
                diags.add(Diagnostic.atFile(RULE_SYNTAX, Severity.ERROR, shown,
                        "internal error while reading this schema file: " + e, "Please report this file to the sentinelctl maintainers."));
            }
        }
        return new UserSchema(Catalog.of(tables.tables(), functions.values(), watchlists), diags);
    }

    private static void readFile(Path file, String shown, List<Diagnostic> diags, TableMerger tables,
                                 Map<String, FunctionSymbol> functions, Map<String, TableSchema> watchlists) {
        String text = read(file, shown, diags);
        if (text == null) return;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            UserCsv.read(text, stem(file), tables, watchlists, (sev, line, col, msg) ->
                    diags.add(diag(RULE_CONTENT, sev, shown, line, col, msg)), shown);
            return;
        }
        SchemaDocuments docs = new SchemaDocuments("user:" + shown);
        try {
            docs.read(LenientJson.parse(text));
        } catch (LenientJson.SyntaxError e) {
            diags.add(diag(RULE_SYNTAX, Severity.ERROR, shown, e.line(), e.column(), "invalid JSON: " + e.getMessage()));
            return;
        }
        for (SchemaProblem p : docs.problems()) diags.add(diag(RULE_CONTENT, p.severity(), shown, p.line(), p.column(), p.message()));
        for (SchemaDocuments.TableDef t : docs.tables()) tables.add(t.name(), t.columns(), shown);
        for (FunctionSymbol f : docs.functions()) functions.put(f.name(), f);
        for (SchemaDocuments.TableDef w : docs.watchlists()) watchlists.put(w.name(), new TableSchema(w.name(), w.columns()));
    }

    private static List<Path> files(Path path, List<Diagnostic> diags) {
        if (Files.isRegularFile(path)) return List.of(path);
        if (!Files.isDirectory(path)) {
            diags.add(Diagnostic.atFile(RULE_SYNTAX, Severity.ERROR, path.toString(),
                    "schema folder does not exist", "Pass an existing folder or file to --schema."));
            return List.of();
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".json") || n.endsWith(".csv");
            }).sorted().toList();
        } catch (IOException | RuntimeException e) {
            diags.add(Diagnostic.atFile(RULE_SYNTAX, Severity.ERROR, path.toString(),
                    "cannot list the schema folder: " + e.getMessage(), ""));
            return List.of();
        }
    }

    private static String read(Path file, String shown, List<Diagnostic> diags) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            // strict decoding: a silently mangled column name would give confusing "unknown column" errors later
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            diags.add(Diagnostic.atFile(RULE_SYNTAX, Severity.ERROR, shown, "file is not UTF-8 text",
                    "Save the file as UTF-8."));
        } catch (IOException | RuntimeException e) {
            diags.add(Diagnostic.atFile(RULE_SYNTAX, Severity.ERROR, shown, "cannot read file: " + e.getMessage(), ""));
        }
        return null;
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static Diagnostic diag(String rule, Severity s, String file, int line, int col, String message) {
        String hint = rule.equals(RULE_SYNTAX) ? "Fix the JSON at this position (comments and trailing commas are allowed)."
                : "See the schema formats in the sentinelctl documentation (--schema).";
        return new Diagnostic(rule, s, file, line, col, line, col + 1, message, hint);
    }
}
