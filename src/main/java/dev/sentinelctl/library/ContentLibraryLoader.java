package dev.sentinelctl.library;

import dev.sentinelctl.check.ParserScope;
import dev.sentinelctl.check.QueryPositions;
import dev.sentinelctl.check.WatchlistChecks;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.ContentMapper;
import dev.sentinelctl.content.ContentScanner;
import dev.sentinelctl.content.Parser;
import dev.sentinelctl.content.ParserParameter;
import dev.sentinelctl.content.Query;
import dev.sentinelctl.content.Watchlist;
import dev.sentinelctl.content.WatchlistCsv;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.importer.ParserDialects;
import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.kql.semantic.TabularType;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.kql.semantic.binder.RowSchema;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.kql.syntax.TokenKind;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.RuleInfo;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the parsers and watchlists under the content paths and turns them into catalog entries (see
 * {@link ContentLibrary}). Parsers are bound in dependency order, each with the parsers it calls already in the
 * catalog, so an ASIM union parser gets the columns of its source parsers. Native parser files and the Azure-Sentinel
 * parser YAML dialects both count; a file that cannot be read is left to the per-file checks to report.
 */
public final class ContentLibraryLoader {

    public static final List<RuleInfo> RULES = List.of(
            new RuleInfo("PARSER-cycle", "ParserCycle", Severity.ERROR, "Parsers call each other in a cycle",
                    "Kusto functions cannot recurse: a query reaching the cycle fails in the workspace.",
                    "Break the cycle: move the shared part into a third parser both call."),
            new RuleInfo("PARSER-duplicate-alias", "ParserDuplicateAlias", Severity.ERROR,
                    "Two parsers (or a parser and a watchlist folder) use the same alias",
                    "The workspace keeps one function per alias; the second deployment would replace the first.",
                    "Rename one functionAlias."));

    private final YamlLoader loader = new YamlLoader();
    private final ContentMapper mapper = new ContentMapper();

    /** One parser found: the item (positions for native files only), where, and its query's tokens (for the call graph). */
    private record Found(Parser parser, String path, boolean native_, List<Token> tokens) {}

    public ContentLibrary load(List<Path> roots, Catalog base) {
        List<ContentScanner.ContentFile> files = new ContentScanner().scan(roots).files();
        Map<String, TableSchema> watchlists = new LinkedHashMap<>();
        Map<String, WatchlistRows> watchlistRows = new LinkedHashMap<>();
        for (ContentScanner.ContentFile f : files) {
            if (Watchlist.isMetadataFile(f.path().getFileName().toString())) {
                readWatchlist(f).ifPresent(w -> {
                    if (watchlists.putIfAbsent(w.schema().name(), w.schema()) == null) watchlistRows.put(w.rows().alias(), w.rows());
                });
            }
        }
        // files are independent: read and parse them in parallel, keep the scan's order for the diagnostics
        List<Found> parsers = files.parallelStream()
                .filter(f -> !Watchlist.isMetadataFile(f.path().getFileName().toString()) && mentionsParserFields(f.path()))
                .map(this::readParserSafely).flatMap(Optional::stream).toList();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Found> byAlias = new LinkedHashMap<>();
        for (Found p : parsers) {
            String alias = p.parser().functionAlias();
            Found earlier = byAlias.putIfAbsent(alias, p);
            if (earlier != null) {
                String message = "the alias " + alias + " is also defined by " + earlier.path()
                        + "; the workspace keeps one function per alias";
                String fix = "Rename one functionAlias (callers use the alias).";
                if (p.native_()) {
                    dev.sentinelctl.content.Span at = p.parser().document().spanOf("/functionAlias", false);
                    diagnostics.add(new Diagnostic("PARSER-duplicate-alias", Severity.ERROR, p.path(), at.line(), at.column(),
                            at.endLine(), at.endColumn(), message, fix));
                } else {
                    diagnostics.add(Diagnostic.atFile("PARSER-duplicate-alias", Severity.ERROR, p.path(), message, fix));
                }
            }
        }
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (Found p : byAlias.values()) edges.put(p.parser().functionAlias(), references(p.tokens(), byAlias.keySet()));
        ParserGraph.Result graph = ParserGraph.analyse(edges);
        for (List<String> cycle : graph.cycles()) diagnostics.addAll(cycleDiagnostics(cycle, byAlias, edges));

        Set<String> inCycle = new LinkedHashSet<>();
        graph.cycles().forEach(inCycle::addAll);
        Map<String, FunctionSymbol> unbound = new LinkedHashMap<>();
        for (Found p : byAlias.values()) unbound.put(p.parser().functionAlias(), symbol(p, ErrorType.UNKNOWN, base));
        // parsers in a cycle cannot be typed: they stay callable with their parameters and an unknown result
        Catalog catalog = new ContentCatalog(base, watchlists, unbound, inCycle,
                (alias, self) -> symbol(byAlias.get(alias), resultOf(byAlias.get(alias), self), base));
        Map<String, String> functions = new LinkedHashMap<>();
        for (Found p : byAlias.values()) {
            if (!inCycle.contains(p.parser().functionAlias())) functions.put(p.parser().functionAlias(), functionText(p.parser()));
        }
        return new ContentLibrary(catalog, diagnostics, edges, graph.order(), functions, watchlistRows);
    }

    /** The parser as a KQL function literal: its parameters as the workspace stores them, then its query. */
    static String functionText(Parser parser) {
        List<String> params = new ArrayList<>();
        for (ParserParameter p : parser.parameters()) params.add(p.functionParameter());
        return "(" + String.join(", ", params) + ") {\n" + parser.query().text() + "\n}";
    }

    /** Binds the parser's query with its parameters in scope; an open or scalar result is unknown (open rows). */
    private static KqlType resultOf(Found p, Catalog catalog) {
        ParsedQuery parsed = KqlParser.parse(p.parser().query().text());
        if (parsed.hasErrors()) return ErrorType.UNKNOWN;
        BoundQuery bound;
        try {
            bound = new Binder(catalog).bind(parsed, ParserScope.declared(p.parser().parameters()));
        } catch (RuntimeException e) {
            // a defect of ours binding this parser must not fail the file that calls it: its result stays open
            return ErrorType.UNKNOWN;
        }
        Optional<RowSchema> rows = bound.resultSchema();
        if (rows.isEmpty() || rows.get().isOpen()) return ErrorType.UNKNOWN;
        return new TabularType(rows.get().columns());
    }

    private static FunctionSymbol symbol(Found p, KqlType result, Catalog base) {
        String alias = p.parser().functionAlias();
        KqlType r = result;
        if (r.isUnknown()) {
            // a parser the binder cannot type keeps the columns a catalog already knows for that name (ASIM aliases)
            Optional<FunctionSymbol> known = base.sentinelFunction(alias);
            if (known.isPresent() && !known.get().resultColumns().isEmpty()) r = new TabularType(known.get().resultColumns());
        }
        return FunctionSymbol.stored(alias, ParserScope.signature(p.parser().parameters()), r,
                FunctionSymbol.CONTENT_SOURCE + p.path());
    }

    /**
     * The content's parser aliases a query refers to, from its tokens: a name that is a known alias, not declared in the
     * query itself ({@code let corelight_conn = view () {...}; corelight_conn} shadows the alias, as in Kusto), not a
     * member ({@code x.Alias}), not a name being assigned or declared ({@code Alias = ...}, {@code Alias: type}).
     */
    public static List<String> references(List<Token> tokens, Set<String> aliases) {
        Set<String> local = new LinkedHashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).kind() == TokenKind.IDENTIFIER && tokens.get(i).text().equals("let")) local.add(tokens.get(i + 1).text());
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != TokenKind.IDENTIFIER || !aliases.contains(t.text()) || local.contains(t.text())) continue;
            TokenKind before = i > 0 ? tokens.get(i - 1).kind() : null;
            TokenKind after = i + 1 < tokens.size() ? tokens.get(i + 1).kind() : null;
            if (before == TokenKind.DOT || after == TokenKind.EQUAL || after == TokenKind.COLON) continue;
            out.add(t.text());
        }
        return new ArrayList<>(out);
    }

    private List<Diagnostic> cycleDiagnostics(List<String> cycle, Map<String, Found> byAlias, Map<String, List<String>> edges) {
        List<Diagnostic> out = new ArrayList<>();
        for (String alias : cycle) {
            Found p = byAlias.get(alias);
            String callee = edges.get(alias).stream().filter(cycle::contains).findFirst().orElse(alias);
            Found other = byAlias.get(callee);
            String message = callee.equals(alias)
                    ? "parser " + alias + " calls itself; Kusto functions cannot recurse"
                    : "parser " + alias + " calls " + callee + " (" + other.path() + "), which leads back to " + alias
                            + ": a cycle (" + String.join(" → ", cycle) + ")";
            String fix = "Break the cycle: one of " + String.join(", ", cycle) + " must stop calling the other.";
            Token at = null;
            List<Token> tokens = p.tokens();
            for (int i = 0; i < tokens.size() && at == null; i++) {
                Token t = tokens.get(i);
                boolean member = i > 0 && tokens.get(i - 1).kind() == TokenKind.DOT;
                if (t.kind() == TokenKind.IDENTIFIER && t.text().equals(callee) && !member) at = t;
            }
            if (at != null && p.native_()) {
                out.add(QueryPositions.toDiagnostic(p.parser(),
                        KqlDiagnostic.error("PARSER-cycle", at.start(), at.end(), message, fix), "PARSER-cycle"));
            } else {
                out.add(Diagnostic.atFile("PARSER-cycle", Severity.ERROR, p.path(), message, fix));
            }
        }
        return out;
    }

    private static boolean mentionsParserFields(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.contains("functionAlias") || text.contains("ParserQuery") || text.contains("FunctionQuery");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** A file this pass cannot read is skipped: the per-file checks report what is wrong with it, at its position. */
    private Optional<Found> readParserSafely(ContentScanner.ContentFile f) {
        try {
            return readParser(f);
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private Optional<Found> readParser(ContentScanner.ContentFile f) {
        YamlLoader.Result loaded = loader.load(f.path(), f.displayPath());
        if (loaded.document().isEmpty() || !loaded.document().get().root().isObject()) return Optional.empty();
        YamlDocument doc = loaded.document().get();
        Parser parser;
        boolean isNative;
        if (doc.root().has("functionAlias")) {
            if (!(mapper.map(doc, ContentKind.PARSER) instanceof Parser p)) return Optional.empty();
            parser = p;
            isNative = true;
        } else {
            Optional<ParserDialects.Converted> c = ParserDialects.fromYaml(doc.root(), stem(f.path()));
            if (c.isEmpty()) return Optional.empty();
            YamlDocument converted = new YamlDocument(doc.source(), c.get().yaml(), Map.of());
            if (!(mapper.map(converted, ContentKind.PARSER) instanceof Parser p)) return Optional.empty();
            parser = new Parser(p.id(), p.name(), p.description(), p.functionAlias(), p.category(), p.version(),
                    p.parameters(), Query.of(p.query().text()), p.tags(), converted);
            isNative = false;
        }
        if (parser.functionAlias().isBlank() || parser.query().isEmpty()) return Optional.empty();
        // tokens are enough for the call graph; the query is parsed only if a caller needs its columns
        return Optional.of(new Found(parser, f.displayPath(), isNative, KqlParser.tokenize(parser.query().text(), new ArrayList<>())));
    }

    /** A watchlist folder read: its columns for the catalog, its items for the engine. */
    private record ReadWatchlist(TableSchema schema, WatchlistRows rows) {}

    private Optional<ReadWatchlist> readWatchlist(ContentScanner.ContentFile f) {
        YamlLoader.Result loaded = loader.load(f.path(), f.displayPath());
        if (loaded.document().isEmpty() || !loaded.document().get().root().isObject()) return Optional.empty();
        Watchlist w = mapper.watchlist(loaded.document().get(), f.path());
        if (w.alias().isBlank()) return Optional.empty();
        if (!(WatchlistChecks.read(w.csv()) instanceof WatchlistChecks.Loaded.Ok ok)) return Optional.empty();
        List<Column> cols = new ArrayList<>();
        // Sentinel stores every watchlist value as text: _GetWatchlist's CSV columns are strings whatever columns: declares
        for (String c : ok.csv().columnNames()) if (!c.isEmpty()) cols.add(new Column(c, ScalarType.STRING));
        List<List<String>> rows = new ArrayList<>();
        for (WatchlistCsv.Row r : ok.csv().rows()) rows.add(r.cells().stream().map(WatchlistCsv.Cell::text).toList());
        return Optional.of(new ReadWatchlist(new TableSchema(w.alias(), cols),
                new WatchlistRows(w.alias(), w.itemsSearchKey(), ok.csv().columnNames(), rows)));
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }
}
