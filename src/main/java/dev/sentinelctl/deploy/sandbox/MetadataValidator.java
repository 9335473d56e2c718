package dev.sentinelctl.deploy.sandbox;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Validates Sentinel metadata: the service requires {@code parentId} and {@code kind}; source kinds are an enum. */
public final class MetadataValidator implements PayloadValidator {
    static final List<String> KINDS = List.of("DataConnector", "DataType", "Workbook", "WorkbookTemplate", "Playbook",
            "PlaybookTemplate", "AnalyticsRuleTemplate", "AnalyticsRule", "HuntingQuery", "InvestigationQuery",
            "Parser", "Watchlist", "WatchlistTemplate", "Solution", "AutomationRule", "LogicAppsCustomConnector",
            "AutomationRuleTemplate");
    static final List<String> SOURCE_KINDS = List.of("LocalWorkspace", "Community", "Solution", "SourceRepository");

    @Override
    public void validate(ObjectNode body, ObjectNode existing) {
        ObjectNode props = Fields.properties(body);
        Fields.requiredString(props, "parentId");
        Fields.oneOf(Fields.requiredString(props, "kind"), KINDS, "properties.kind");
        JsonNode source = props.get("source");
        if (source != null && !source.isNull()) {
            if (!(source instanceof ObjectNode sourceObject)) {
                throw ArmException.badRequest("'properties.source' must be an object with a 'kind'.");
            }
            Fields.oneOf(Fields.requiredString(sourceObject, "kind"), SOURCE_KINDS, "properties.source.kind");
        }
    }
}
