package dev.sentinelctl.cli;

import dev.sentinelctl.check.FormatChecks;
import dev.sentinelctl.check.FormatCheck;
import dev.sentinelctl.check.ItemCheck;
import dev.sentinelctl.check.KqlSyntaxCheck;
import dev.sentinelctl.check.LintCheck;
import dev.sentinelctl.check.MetadataChecks;
import dev.sentinelctl.check.ColumnChecks;
import dev.sentinelctl.check.SemanticCheck;
import dev.sentinelctl.fleet.ExclusionValidator;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.reference.ReferenceData;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.LintRules;
import dev.sentinelctl.kql.lint.Linter;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.report.RuleInfo;
import dev.sentinelctl.schema.FormatRules;
import dev.sentinelctl.schema.SchemaValidator;
import java.util.ArrayList;
import java.util.List;

/** Which checks each command runs, and the descriptions of every rule they can report. */
final class Checks {
    private Checks() {}

    static List<ItemCheck> format(SchemaValidator schemas, boolean strict) {
        return FormatChecks.of(schemas, strict);
    }

    /** What `validate` runs: the format checks, then the query bound against the catalog (no best-practice rules). */
    static List<ItemCheck> validate(SchemaValidator schemas, boolean strict, Catalog catalog) {
        List<ItemCheck> checks = new ArrayList<>(format(schemas, strict));
        checks.add(new SemanticCheck(new Binder(catalog)));
        return checks;
    }

    static List<ItemCheck> kql(Catalog catalog) {
        return List.of(new KqlSyntaxCheck(), new SemanticCheck(new Binder(catalog)), new LintCheck(new Linter(LintRules.all(), catalog)));
    }

    static List<ItemCheck> all(SchemaValidator schemas, boolean strict, Catalog catalog) {
        Binder binder = new Binder(catalog);
        List<ItemCheck> checks = new ArrayList<>(format(schemas, strict));
        checks.add(new SemanticCheck(binder));
        checks.add(new LintCheck(new Linter(LintRules.all(), catalog)));
        checks.add(new MetadataChecks(ReferenceData.builtIn().connectors(), catalog));
        checks.add(new ColumnChecks(binder));
        checks.add(new dev.sentinelctl.check.CustomDetectionChecks(binder));
        ExclusionValidator exclusions = new ExclusionValidator(catalog);
        checks.add(c -> exclusions.validate(c.item().document()));
        return checks;
    }

    /** Every rule a run can report, for SARIF and `sentinelctl rules`. */
    static List<RuleInfo> ruleInfos() {
        List<RuleInfo> infos = new ArrayList<>(FormatRules.ALL);
        for (LintRule r : LintRules.all()) infos.add(r.meta().info());
        infos.addAll(crossCheckInfos());
        infos.addAll(ExclusionValidator.RULES);
        infos.add(FormatCheck.RULE);
        infos.addAll(dev.sentinelctl.testing.TestRules.RULES);
        infos.addAll(dev.sentinelctl.check.WatchlistChecks.RULES);
        infos.addAll(dev.sentinelctl.library.ContentLibraryLoader.RULES);
        infos.addAll(dev.sentinelctl.check.WorkbookChecks.RULES);
        return infos;
    }

    /** The rules of the metadata ↔ query cross-checks. */
    static List<RuleInfo> crossCheckInfos() {
        List<RuleInfo> infos = new ArrayList<>(MetadataChecks.RULES);
        infos.addAll(ColumnChecks.RULES);
        infos.addAll(dev.sentinelctl.check.CustomDetectionChecks.RULES);
        return infos;
    }
}
