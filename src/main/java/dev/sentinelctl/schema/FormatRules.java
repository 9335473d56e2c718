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
            r("YAML-tab", "TabInYaml", Severity.WARNING, "A tab in YAML white space where YAML 1.2 allows it.",
                    "sentinelctl and every YAML 1.2 reader load the file, so it deploys; YAML 1.1 readers (PyYAML, js-yaml's safeLoad in Microsoft's content CI) reject it.", "Replace tabs with spaces."),
            r("YAML-encoding", "Encoding", Severity.ERROR, "The file is not UTF-8.", "Content tools read UTF-8 only.", "Re-save the file as UTF-8."),
            r("YAML-binary", "BinaryFile", Severity.ERROR, "The file contains NUL bytes.", "Binary files are not content.", "Remove it from the content folder."),
            r("YAML-empty", "EmptyFile", Severity.ERROR, "The file is empty.", "An empty content file deploys nothing.", "Delete it or write content in it."),
            r("YAML-too-large", "FileTooLarge", Severity.ERROR, "The file is over 5 MB.", "Content files are small; a huge one is a mistake or an attack.", "Remove or shrink it."),
            r("YAML-too-deep", "NestingTooDeep", Severity.ERROR, "Nesting deeper than 64 levels.", "Guards against files built to exhaust the parser.", "Flatten the file."),
            r("YAML-too-many-nodes", "TooManyNodes", Severity.ERROR, "More than 200,000 YAML nodes.", "Guards against files built to exhaust memory.", "Shrink the file."),
            r("YAML-alias-bomb", "AliasBomb", Severity.ERROR, "Aliases expand to too many nodes.", "Guards against billion-laughs files.", "Write values out instead of aliasing them."),
            r("YAML-key-type", "ComplexKey", Severity.ERROR, "A list or mapping used as a key.", "Content fields are named by plain keys.", "Use a plain key."),
            r("YAML-multiple-documents", "MultipleDocuments", Severity.ERROR, "More than one YAML document in a file.", "Only the first would be read.", "One item per file."),
            r("SCHEMA-required", "RequiredField", Severity.ERROR, "A required field is missing.", "Sentinel rejects or misreads content without it. Under requiredDataConnectors, tags and metadata, which never reach ARM (Content Hub and the portal read them), every schema finding is a warning.", "Add the field."),
            r("SCHEMA-type", "WrongType", Severity.ERROR, "A field has the wrong type.", "Sentinel's loader fails or drops the value.", "Write the value in the expected shape."),
            r("SCHEMA-enum", "InvalidValue", Severity.ERROR, "A value is not one of the allowed values.", "ARM rejects unknown severities, tactics and entity types. A hunting query's tactics are only tags of its saved search, so there a free-text tactic deploys as written: a warning.", "Use one of the listed values."),
            r("SCHEMA-format", "InvalidFormat", Severity.ERROR, "A value has the wrong format.", "ARM rejects malformed versions, techniques and durations. A hunting query's techniques are tags (warning); a non-GUID id is a valid resource name that only Microsoft's content CI rejects (warning).", "Fix the value's format."),
            r("SCHEMA-length", "InvalidLength", Severity.ERROR, "A text is too long or empty.", "ARM enforces these limits on alert rules. A hunting query (a saved search) over 10,000 characters deploys: a warning.", "Shorten or fill in the text."),
            r("SCHEMA-count", "InvalidCount", Severity.ERROR, "Too many or too few items.", "Sentinel enforces these limits.", "Adjust the number of items."),
            r("SCHEMA-range", "OutOfRange", Severity.ERROR, "A number is out of range.", "Sentinel enforces these limits.", "Use a value in range."),
            r("SCHEMA-not-allowed", "NotAllowedForKind", Severity.WARNING, "A field that does not apply to this kind of rule.", "NRT rules have no schedule or trigger; the rule deploys and the value is ignored, which usually means the rule was meant to be Scheduled.", "Remove the field."),
            r("SCHEMA-unknown-field", "UnknownField", Severity.WARNING, "A field Sentinel does not know.", "Sentinel silently ignores it, which usually hides a typo.", "Fix the spelling or remove the field."),
            r("ENTITY-identifier", "EntityIdentifier", Severity.ERROR, "An identifier the entity type does not have, or one mapped twice.", "Sentinel rejects an identifier its entity type does not have. One written in another case (URL for Url) deploys, as ARM ignores case (warning); one mapped twice deploys, but only one of its columns is used (warning).", "Use an identifier of the entity type."),
            r("ENTITY-required-identifier", "EntityRequiredIdentifier", Severity.ERROR, "No identifier the entity can be identified by is mapped.", "Following Microsoft's current entity reference (an identifier that is part of a strong identifier, e.g. CloudApplication by Name): without one Sentinel cannot build the entity. Mappings that satisfy it but not Microsoft's content CI's 2023 list (e.g. CloudApplication without AppId) get a warning.", "Map one of the identifiers named."),
            r("RULE-duration-format", "IsoDuration", Severity.WARNING, "An ISO-8601 duration.", "The ARM API accepts it; Microsoft's content CI and conversion scripts do not.", "Write 5m, 1h or 1d."),
            r("RULE-duration-range", "DurationRange", Severity.ERROR, "queryFrequency or queryPeriod outside 5m to 14d.", "A Sentinel service limit.", "Use a value from 5m to 14d."),
            r("RULE-period-frequency", "PeriodShorterThanFrequency", Severity.ERROR, "queryPeriod shorter than queryFrequency.", "Sentinel rejects the rule (events between runs would never be seen).", "Make queryPeriod at least queryFrequency."),
            r("RULE-long-period-frequency", "LongPeriodFrequentRuns", Severity.ERROR, "A lookback of 2 days or more with runs more often than hourly.", "A Sentinel service limit.", "Run hourly or look back less."),
            r("RULE-technique-tactic", "TechniqueWithoutTactic", Severity.WARNING, "A technique none of whose tactics is listed.", "ARM accepts it; the ATT&CK mapping is inconsistent, so coverage reports mislead.", "List the technique's tactic."),
            r("RULE-unknown-technique", "UnknownTechnique", Severity.WARNING, "A technique id ATT&CK does not have.", "ARM checks the form of a technique id, not that it exists; coverage reports cannot place it.", "Check the id."),
            r("RULE-legacy-entity-column", "LegacyEntityColumn", Severity.WARNING, "A legacy *CustomEntity column not used by an entity mapping.", "The rule deploys and alerts, but Sentinel no longer maps these columns by name, so the alerts carry no such entity.", "Add the entity mapping the finding shows."),
            r("RULE-placeholders", "TooManyPlaceholders", Severity.ERROR, "More than three {{column}} placeholders.", "A Sentinel service limit.", "Keep at most three."),
            r("CONTENT-dialect", "ForeignDialect", Severity.WARNING, "A rule in another dialect: ARM properties (PascalCase or camelCase), an ARM template, a Sigma rule.",
                    "It may deploy with the tool that wrote it, but sentinelctl neither checks nor deploys it as it is; one finding at its first line names the dialect and the conversion (`sentinelctl import`).", "Convert it as the finding says."),
            r("CONTENT-not-checked", "KindNotChecked", Severity.INFO, "Sentinel content of a kind sentinelctl does not check yet (parsers).",
                    "Said once per file so that nothing is silently skipped.", "Nothing to do."),
            r("CONTENT-non-ascii", "NonAscii", Severity.WARNING, "A non-ASCII character.", "Microsoft's content CI rejects non-ASCII files.", "Use ASCII."),
            r("REPO-duplicate-id", "DuplicateId", Severity.ERROR, "Two content files share an id.", "Deploying both overwrites one with the other.", "Give one a fresh GUID."),
            r("REPO-duplicate-file-name", "DuplicateFileName", Severity.WARNING, "Two items of one kind share a file name.", "Tools that look content up by file name confuse them.", "Rename one."),
            r("REF-missing", "ReferenceToNoFile", Severity.ERROR, "A reference names a content file that is not in the checked paths.", "The referring item cannot be deployed: what it refers to is unknown.", "Fix the path (relative to the referring file) or refer by id."),
            r("REF-wrong-kind", "ReferenceToWrongKind", Severity.ERROR, "A reference names content of another kind (a hunting query where an analytic rule belongs).", "The deployed resource would refer to something that is not there.", "Refer to an item of the right kind."),
            r("REF-not-in-content", "ReferenceOutsideContent", Severity.INFO, "A reference by id to an item that is not in the content.", "It may exist in the workspace (a built-in or hand-made rule); plan fails where it does not.", "Nothing to do if every workspace has it."),
            r("REF-playbook", "PlaybookReference", Severity.ERROR, "A RunPlaybook action's playbook names no playbook of the content (by template file, content id or Logic App name) and is not a full Logic App id.", "The automation rule could not run the playbook: there is no Logic App id to write.", "Name a content playbook, or write the Logic App's full resource id."),
            r("AUTO-condition", "AutomationCondition", Severity.ERROR, "An automation rule condition whose properties do not fit its conditionType.", "ARM rejects the rule (AutomationRules.json 2025-09-01 defines the properties of each condition type).", "Use the properties the finding lists."),
            r("AUTO-action", "AutomationAction", Severity.ERROR, "An automation rule action whose configuration does not fit its actionType, or is incomplete.", "ARM rejects the rule, or the action does nothing.", "Use the configuration the finding lists."),
            r("AUTO-action-order", "AutomationActionOrder", Severity.WARNING, "Two actions of one automation rule share an order.", "The rule deploys; which action runs first is not defined.", "Give every action its own order."),
            r("AUTO-alert-action", "AutomationAlertAction", Severity.ERROR, "An alert-triggered automation rule with an action other than RunPlaybook.", "Rules triggered by alerts can only run playbooks.", "Use RunPlaybook or trigger on incidents."),
            r("AUTO-expiration", "AutomationExpirationFormat", Severity.ERROR, "expirationTimeUtc is not a date-time.", "ARM rejects it.", "Write it like 2027-01-31T00:00:00Z."),
            r("AUTO-expired", "AutomationExpired", Severity.WARNING, "An automation rule whose expiration has passed.", "It deploys but never runs.", "Move the expiration or delete the rule."),
            r("PR-id-changed", "IdChanged", Severity.WARNING, "A content item's id changed.", "It deploys, but as a new rule beside the old one, which keeps running until pruned.", "Restore the old id."),
            r("PR-version-not-bumped", "VersionNotBumped", Severity.WARNING, "Detection logic changed without a higher version.", "It deploys, but Content Hub and version-comparing tools do not see the update.", "Raise version."),
            r("PR-deleted", "ContentDeleted", Severity.INFO, "A content item was deleted.", "Deleted content stays in workspaces until pruned.", "Prune it with apply --prune if intended."),
            r("INTERNAL", "InternalFailure", Severity.ERROR, "sentinelctl failed on this file.", "A defect of sentinelctl, reported so that nothing is hidden.", "Report it with the file."));
}
