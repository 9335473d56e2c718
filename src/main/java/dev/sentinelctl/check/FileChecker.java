package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.ContentMapper;
import dev.sentinelctl.content.ContentScanner.ContentFile;
import dev.sentinelctl.content.Dialect;
import dev.sentinelctl.content.KindDetector;
import dev.sentinelctl.content.Watchlist;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.content.playbook.PlaybookFiles;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import dev.sentinelctl.schema.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Runs every per-file stage on one file: load, kind, schema, model, then the item checks. Never throws for
 * bad input: a defect in one stage becomes a diagnostic so the other files are still checked.
 */
public final class FileChecker {
    private static final long MAX_JSON_BYTES = 20L * 1024 * 1024;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private final YamlLoader loader = new YamlLoader();
    private final KindDetector detector = new KindDetector();
    private final ContentMapper mapper = new ContentMapper();
    private final WatchlistChecks watchlistChecks = new WatchlistChecks();
    private final Optional<SchemaValidator> schemas;
    private final List<ItemCheck> checks;
    private final boolean keepItems;
    private final ItemCheck automationRules = new AutomationRuleChecks(java.time.Clock.systemUTC());

    /** A checker whose results keep their items (for build, import and deploy, which use them afterwards). */
    public FileChecker(SchemaValidator schemas, List<ItemCheck> checks) {
        this(Optional.of(schemas), checks, true);
    }

    /**
     * Without schemas the file is only loaded and handed to the checks (what `lint` does); without
     * {@code keepItems} a result carries only the item's identity.
     */
    public FileChecker(Optional<SchemaValidator> schemas, List<ItemCheck> checks, boolean keepItems) {
        this.schemas = schemas;
        this.checks = List.copyOf(checks);
        this.keepItems = keepItems;
    }

    /** A finding per file in another dialect, at its first line: what it is and how to convert it. */
    public static Diagnostic dialectFinding(String path, Dialect dialect) {
        boolean unsupportedKind = dialect == Dialect.PARSER;
        return Diagnostic.atFile(unsupportedKind ? "CONTENT-not-checked" : "CONTENT-dialect",
                unsupportedKind ? Severity.INFO : Severity.WARNING, path,
                "this file is " + dialect.description() + ", not Azure-Sentinel YAML; sentinelctl does not check or deploy it as it is",
                dialect.conversionHint(path));
    }

    /**
     * A JSON file is content only in a dialect {@link Dialect#detect} knows (check names it); anything else in the
     * folder (workbooks, connector definitions, package files) is not content and not reported.
     */
    private FileResult json(ContentFile file) {
        String path = file.displayPath();
        JsonNode root;
        try {
            if (java.nio.file.Files.size(file.path()) > MAX_JSON_BYTES) {
                return FileResult.withoutItem(path, List.of(), Optional.of("JSON over " + MAX_JSON_BYTES + " bytes: not read"));
            }
            root = JSON.readTree(java.nio.file.Files.readString(file.path(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | tools.jackson.core.JacksonException e) {
            return FileResult.withoutItem(path, List.of(), Optional.of("not readable as JSON: not content"));
        }
        JsonNode listed = root.isObject() && root.size() == 1 && root.path("value").isArray() ? root.get("value") : root; // REST list output
        Optional<Dialect> dialect = Dialect.detect(listed);
        if (dialect.isEmpty() && PlaybookFiles.looksLikePlaybook(root)) return playbook(file);
        if (dialect.isEmpty()) return FileResult.withoutItem(path, List.of(), Optional.of("JSON that is not Sentinel content"));
        return FileResult.withoutItem(path, List.of(dialectFinding(path, dialect.get())), Optional.empty());
    }

    /** A playbook: an opaque ARM template, checked for its shape and parameters, not by the query checks. */
    private FileResult playbook(ContentFile file) {
        PlaybookFiles.Loaded loaded = PlaybookFiles.load(file.path(), file.displayPath());
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        // the schema adds what the reader does not check (parameter declarations, contentVersion) once the shape is right
        loaded.playbook().ifPresent(p -> schemas.ifPresent(s -> diagnostics.addAll(s.validate(p.document(), ContentKind.PLAYBOOK))));
        return new FileResult(file.displayPath(), loaded.playbook().map(ItemIdentity::of),
                keepItems ? loaded.playbook().map(p -> (ContentItem) p) : Optional.empty(), diagnostics, Optional.empty());
    }

    public FileResult check(ContentFile file) {
        String path = file.displayPath();
        try {
            // watchlist.json (Sentinel-As-Code's watchlist metadata) is YAML-readable content; other JSON only names a dialect
            if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                    && !Watchlist.isMetadataFile(file.path().getFileName().toString())) return json(file);
            YamlLoader.Result loaded = loader.load(file.path(), path);
            List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
            if (loaded.document().isEmpty()) return FileResult.withoutItem(path, diagnostics, Optional.empty());
            YamlDocument doc = loaded.document().get();
            if (doc.root().isArray() && Dialect.detect(doc.root()).isPresent()) {
                diagnostics.add(dialectFinding(path, Dialect.detect(doc.root()).get()));
                return FileResult.withoutItem(path, diagnostics, Optional.empty());
            }
            if (!doc.root().isObject()) {
                diagnostics.add(Diagnostic.atFile("SCHEMA-type", Severity.ERROR, path,
                        "a content file must be a mapping of fields (id:, name:, query: …), not "
                                + (doc.root().isArray() ? "a list" : "a single value"),
                        "Write one hunting query or rule per file as `field: value` lines."));
                return FileResult.withoutItem(path, diagnostics, Optional.empty());
            }
            KindDetector.Verdict verdict = detector.detect(doc.root(), path);
            if (verdict instanceof KindDetector.Verdict.NotContent notContent) {
                return FileResult.withoutItem(path, diagnostics, Optional.of(notContent.reason()));
            }
            if (verdict instanceof KindDetector.Verdict.Foreign foreign) {
                diagnostics.add(dialectFinding(path, foreign.dialect()));
                return FileResult.withoutItem(path, diagnostics, Optional.empty());
            }
            ContentKind kind = ((KindDetector.Verdict.Content) verdict).kind();
            NullFields.removeFrom(doc.root());
            schemas.ifPresent(s -> diagnostics.addAll(s.validate(doc, kind)));
            if (kind == ContentKind.WATCHLIST) return watchlist(file, doc, diagnostics);
            ContentItem item = mapper.map(doc, kind);
            ItemContext context = new ItemContext(item);
            // The stages given are about queries and rule metadata; an automation rule has neither and its own checks.
            for (ItemCheck check : item.kind() == ContentKind.AUTOMATION_RULE ? List.of(automationRules) : checks) {
                diagnostics.addAll(check.check(context));
            }
            return new FileResult(path, Optional.of(ItemIdentity.of(item)), keepItems ? Optional.of(item) : Optional.empty(),
                    diagnostics, Optional.empty());
        } catch (RuntimeException | StackOverflowError e) {
            // A defect of ours must not hide the other files' results; say so plainly.
            return FileResult.withoutItem(path, List.of(Diagnostic.atFile("INTERNAL", Severity.ERROR, path,
                    "sentinelctl failed on this file: " + e, "Please report this with the file; rerun with --debug for details.")),
                    Optional.empty());
        }
    }

    /** A watchlist has no query: its checks are the CSV's; it yields an identity (alias) but no item to build or deploy yet. */
    private FileResult watchlist(ContentFile file, YamlDocument doc, List<Diagnostic> diagnostics) {
        String path = file.displayPath();
        Watchlist w = mapper.watchlist(doc, file.path());
        int slash = path.lastIndexOf('/');
        String csvPath = (slash < 0 ? "" : path.substring(0, slash + 1)) + Watchlist.CSV_FILE;
        if (schemas.isPresent()) diagnostics.addAll(watchlistChecks.check(w, path, csvPath));
        ItemIdentity identity = new ItemIdentity(ContentKind.WATCHLIST, w.alias(), path, doc.spanOf(
                doc.root().has("alias") ? "/alias" : "/watchlistAlias", false), false);
        return new FileResult(path, Optional.of(identity), Optional.empty(), diagnostics, Optional.empty());
    }
}
