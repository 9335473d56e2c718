package dev.sentinelctl.schema;

import dev.sentinelctl.report.RuleInfo;
import dev.sentinelctl.report.Severity;
import java.util.List;

/** Metadata of the rules `validate` reports (YAML, schema, format and tree-wide rules). */
public final class FormatRules {
    private FormatRules() {}

    private static RuleInfo r(String id, String name, Severity s, String shortText, String why, String fix) {
        return new RuleInfo(id, name, s, shortText, why, fix);
    }

    public static final List<RuleInfo> ALL = List.of(
            r("YAML-syntax", "YamlSyntax", Severity.ERROR, "The file is not valid YAML.",
                    "A file that does not parse cannot be checked or deployed.", "Fix indentation and quoting at the position shown."),
            r("YAML-duplicate-key", "DuplicateKey", Severity.ERROR, "A key appears twice in one mapping.",
                    "YAML readers disagree about which value wins, so the deployed rule may differ from the reviewed one.", "Keep one of the entries."),
            r("YAML-tab", "TabInYaml", Severity.ERROR, "A tab in YAML indentation or trailing white space.",
                    "YAML 1.2 allows it but YAML 1.1 readers such as PyYAML reject the file.", "Replace tabs with spaces."),
            r("YAML-encoding", "Encoding", Severity.ERROR, "The file is not UTF-8.", "Content tools read UTF-8 only.", "Re-save the file as UTF-8."),
            r("YAML-binary", "BinaryFile", Severity.ERROR, "The file contains NUL bytes.", "Binary files are not content.", "Remove it from the content folder."),
            r("YAML-empty", "EmptyFile", Severity.ERROR, "The file is empty.", "An empty content file deploys nothing.", "Delete it or write content in it."),
            r("YAML-too-large", "FileTooLarge", Severity.ERROR, "The file is over 5 MB.", "Content files are small; a huge one is a mistake or an attack.", "Remove or shrink it."),
            r("YAML-too-deep", "NestingTooDeep", Severity.ERROR, "Nesting deeper than 64 levels.", "Guards against files built to exhaust the parser.", "Flatten the file."),
            r("YAML-too-many-nodes", "TooManyNodes", Severity.ERROR, "More than 200,000 YAML nodes.", "Guards against files built to exhaust memory.", "Shrink the file."),
            r("YAML-alias-bomb", "AliasBomb", Severity.ERROR, "Aliases expand to too many nodes.", "Guards against billion-laughs files.", "Write values out instead of aliasing them."),
            r("YAML-key-type", "ComplexKey", Severity.ERROR, "A list or mapping used as a key.", "Content fields are named by plain keys.", "Use a plain key."),
            r("YAML-multiple-documents", "MultipleDocuments", Severity.ERROR, "More than one YAML document in a file.", "Only the first would be read.", "One item per file."),
            r("SCHEMA-required", "RequiredField", Severity.ERROR, "A required field is missing.", "Sentinel rejects or misreads content without it.", "Add the field."),
            r("SCHEMA-type", "WrongType", Severity.ERROR, "A field has the wrong type.", "Sentinel's loader fails or drops the value.", "Write the value in the expected shape."),
            r("SCHEMA-enum", "InvalidValue", Severity.ERROR, "A value is not one of the allowed values.", "Unknown severities, tactics or entity types are rejected or lost.", "Use one of the listed values."),
            r("SCHEMA-format", "InvalidFormat", Severity.ERROR, "A value has the wrong format.", "Ids, versions, techniques and durations have fixed formats.", "Fix the value's format."),
            r("SCHEMA-length", "InvalidLength", Severity.ERROR, "A text is too long or empty.", "Sentinel enforces these limits.", "Shorten or fill in the text."),
            r("SCHEMA-count", "InvalidCount", Severity.ERROR, "Too many or too few items.", "Sentinel enforces these limits.", "Adjust the number of items."),
            r("SCHEMA-range", "OutOfRange", Severity.ERROR, "A number is out of range.", "Sentinel enforces these limits.", "Use a value in range."),
            r("SCHEMA-not-allowed", "NotAllowedForKind", Severity.ERROR, "A field that does not apply to this kind of rule.", "NRT rules have no schedule or trigger.", "Remove the field."),
            r("SCHEMA-unknown-field", "UnknownField", Severity.WARNING, "A field Sentinel does not know.", "Sentinel silently ignores it, which usually hides a typo.", "Fix the spelling or remove the field."),
            r("ENTITY-identifier", "EntityIdentifier", Severity.ERROR, "An identifier the entity type does not have, or one mapped twice.", "Sentinel rejects the entity mapping.", "Use an identifier of the entity type."),
            r("ENTITY-required-identifier", "EntityRequiredIdentifier", Severity.ERROR, "No required identifier of the entity type is mapped.", "Sentinel cannot build the entity.", "Map one of the required identifiers."),
            r("RULE-duration-format", "IsoDuration", Severity.WARNING, "An ISO-8601 duration.", "The ARM API accepts it; Microsoft's content CI and conversion scripts do not.", "Write 5m, 1h or 1d."),
            r("RULE-duration-range", "DurationRange", Severity.ERROR, "queryFrequency or queryPeriod outside 5m to 14d.", "A Sentinel service limit.", "Use a value from 5m to 14d."),
            r("RULE-period-frequency", "PeriodShorterThanFrequency", Severity.ERROR, "queryPeriod shorter than queryFrequency.", "Events between runs are never seen.", "Make queryPeriod at least queryFrequency."),
            r("RULE-long-period-frequency", "LongPeriodFrequentRuns", Severity.ERROR, "A lookback of 2 days or more with runs more often than hourly.", "A Sentinel service limit.", "Run hourly or look back less."),
            r("RULE-technique-tactic", "TechniqueWithoutTactic", Severity.ERROR, "A technique none of whose tactics is listed.", "The ATT&CK mapping is inconsistent; Microsoft's CI rejects Scheduled rules like it.", "List the technique's tactic."),
            r("RULE-unknown-technique", "UnknownTechnique", Severity.ERROR, "A technique id ATT&CK does not have.", "Coverage reports and Microsoft's CI cannot place it.", "Check the id."),
            r("RULE-legacy-entity-column", "LegacyEntityColumn", Severity.ERROR, "A legacy *CustomEntity column not used by an entity mapping.", "Sentinel no longer maps these columns by name.", "Add the entity mapping."),
            r("RULE-placeholders", "TooManyPlaceholders", Severity.ERROR, "More than three {{column}} placeholders.", "A Sentinel service limit.", "Keep at most three."),
            r("CONTENT-non-ascii", "NonAscii", Severity.WARNING, "A non-ASCII character.", "Microsoft's content CI rejects non-ASCII files.", "Use ASCII."),
            r("REPO-duplicate-id", "DuplicateId", Severity.ERROR, "Two content files share an id.", "Deploying both overwrites one with the other.", "Give one a fresh GUID."),
            r("REPO-duplicate-file-name", "DuplicateFileName", Severity.WARNING, "Two items of one kind share a file name.", "Tools that look content up by file name confuse them.", "Rename one."),
            r("PR-id-changed", "IdChanged", Severity.ERROR, "A content item's id changed.", "Sentinel treats a new id as a new rule and keeps the old one running.", "Restore the old id."),
            r("PR-version-not-bumped", "VersionNotBumped", Severity.ERROR, "Detection logic changed without a higher version.", "Deployments and Content Hub compare versions to find updates.", "Raise version."),
            r("PR-deleted", "ContentDeleted", Severity.INFO, "A content item was deleted.", "Deleted content stays in workspaces until pruned.", "Prune it with apply --prune if intended."),
            r("INTERNAL", "InternalFailure", Severity.ERROR, "sentinelctl failed on this file.", "A defect of sentinelctl, reported so that nothing is hidden.", "Report it with the file."));
}
