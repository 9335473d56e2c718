#!/usr/bin/env python3
"""Writes schemas/*.schema.json from the facts in ../shared/reference/azure-sentinel/derived.

Run from the repository root: python3 tools/gen_schemas.py [path/to/shared/reference]
The schemas are committed; rerun this only when the reference facts change. Only the entity-type table,
the tactic list and the numeric limits come from the reference; the structure is ours.
"""
import json
import os
import sys

ref = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "reference")
derived = os.path.join(ref, "azure-sentinel", "derived")
entities = json.load(open(os.path.join(derived, "entity-identifiers.json"), encoding="utf-8"))["entityTypes"]
# Later additions are stored beside the 2023 table as "<Type>_post_2023_addition"; fold them in.
for key in [k for k in entities if k.endswith("_post_2023_addition")]:
    entities[key.split("_")[0]]["identifiers"] += entities.pop(key)["identifiers_added"]
constraints = json.load(open(os.path.join(derived, "analytics-template-constraints.json"), encoding="utf-8"))

BASE = "https://sentinelctl.dev/schemas/"
TACTICS = constraints["common_fields"]["tactics"]["itemsEnum"]
q = constraints["query_based_fields"]
em = q["entityMappings"]
cd = q["customDetails"]
ado = q["alertDetailsOverride"]

# Microsoft's current entity reference (learn.microsoft.com/azure/sentinel/entities-reference): an entity is built
# from an identifier that takes part in one of its strong identifiers. Where that differs from the content CI's 2023
# list (entity-identifiers.json), the current one is required (an error) and the 2023 list is kept as
# x-ciRequiredIdentifiers (a warning, an error under profile azure-sentinel). Mappable identifiers only.
CURRENT_REFERENCE = {
    "Account": [["FullName"], ["Sid"], ["Name"], ["AadUserId"], ["PUID"], ["ObjectGuid"]],
    "Host": [["FullName"], ["HostName"], ["NetBiosName"], ["AzureID"], ["OMSAgentID"]],
    "CloudApplication": [["AppId"], ["Name"]],
    "Process": [["ProcessId"], ["CommandLine"]],
    "SecurityGroup": [["DistinguishedName"], ["SID"], ["ObjectGuid"]],
}

def entity_rules():
    rules = []
    for name, spec in sorted(entities.items()):
        then = {"properties": {"fieldMappings": {"items": {"properties": {"identifier": {"enum": spec["identifiers"]}}}}}}
        ci = spec["requiredIdentifierCombinations"]
        combos = CURRENT_REFERENCE.get(name, ci)
        if combos:
            then["properties"]["fieldMappings"]["anyOf"] = [
                {"allOf": [{"contains": {"properties": {"identifier": {"const": ident}}, "required": ["identifier"]}}
                           for ident in combo]} for combo in combos]
            then["properties"]["fieldMappings"]["x-requiredIdentifiers"] = [" + ".join(c) for c in combos]
            if name in CURRENT_REFERENCE:
                then["properties"]["fieldMappings"]["x-ciRequiredIdentifiers"] = [" + ".join(c) for c in ci]
        rules.append({"if": {"properties": {"entityType": {"const": name}}, "required": ["entityType"]}, "then": then})
    return rules

common = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "common.schema.json",
    "title": "Definitions shared by the sentinelctl content schemas",
    "$defs": {
        "guid": {"type": "string",
                 "pattern": "^[{(]?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}[})]?$",
                 "description": "Content id: a GUID, fixed for the life of the item."},
        "name": {"type": "string", "minLength": 1, "maxLength": constraints["common_fields"]["name"]["maxLength"]},
        "description": {"type": "string", "minLength": 1,
                        "maxLength": constraints["common_fields"]["description"]["maxLength"]},
        "severity": {"enum": q["severity"]["values"]},
        "query": {"type": "string", "minLength": 1, "maxLength": q["query"]["maxLength"]},
        "version": {"type": "string", "maxLength": q["version"]["maxLength"], "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$"},
        "tactic": {"enum": TACTICS},
        "tactics": {"type": "array", "items": {"$ref": "#/$defs/tactic"}},
        "technique": {"type": "string", "pattern": "^T[0-9]{4}(\\.[0-9]{3})?$"},
        "techniques": {"type": "array", "items": {"$ref": "#/$defs/technique"}},
        "duration": {"type": "string",
                     "pattern": "^([0-9]+[mhd]|([0-9]+\\.)?[0-9]{1,2}:[0-9]{2}:[0-9]{2}|P([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+S)?)?)$",
                     "description": "5m, 1h, 1d (Azure-Sentinel form), 01:00:00 (TimeSpan) or ISO-8601 PT1H / P1D (ARM form)."},
        "requiredDataConnectors": {
            "type": "array",
            "items": {"type": "object", "required": ["connectorId", "dataTypes"],
                      "properties": {"connectorId": {"type": "string", "minLength": 1},
                                     "dataTypes": {"type": "array", "items": {"type": "string", "minLength": 1}}},
                      "additionalProperties": False}},
        "entityMappings": {
            "type": "array", "minItems": em["minItems"], "maxItems": em["maxItems_post_2023"],
            "items": {
                "type": "object", "required": ["entityType", "fieldMappings"],
                "properties": {
                    "entityType": {"enum": sorted(entities.keys())},
                    "fieldMappings": {
                        "type": "array", "minItems": em["fieldMappings"]["minItems"],
                        "maxItems": em["fieldMappings"]["maxItems"],
                        "items": {"type": "object", "required": ["identifier", "columnName"],
                                  "properties": {"identifier": {"type": "string"},
                                                 "columnName": {"type": "string",
                                                                "maxLength": em["columnName"]["maxLength"],
                                                                "pattern": "^[a-zA-Z_]+\\w*$"}},
                                  "additionalProperties": False}}},
                "additionalProperties": False,
                "allOf": entity_rules()}},
        "customDetails": {
            "type": "object", "maxProperties": cd["maxEntries"],
            "propertyNames": {"maxLength": cd["maxKeyLength"], "pattern": "^[a-zA-Z]+\\w*$"},
            "additionalProperties": {"type": "string", "maxLength": cd["maxValueLength"], "pattern": "^[a-zA-Z_]+\\w*$"}},
        "alertDetailsOverride": {
            "type": "object",
            "properties": {
                "alertDisplayNameFormat": {"type": "string", "minLength": 1,
                                           "maxLength": ado["alertDisplayNameFormat"]["maxLength"], "pattern": "\\S"},
                "alertDescriptionFormat": {"type": "string", "minLength": 1,
                                           "maxLength": ado["alertDescriptionFormat"]["maxLength"], "pattern": "\\S"},
                "alertTacticsColumnName": {"type": "string"},
                "alertSeverityColumnName": {"type": "string"},
                "alertDynamicProperties": {"type": "array", "items": {
                    "type": "object", "required": ["alertProperty", "value"],
                    "properties": {"alertProperty": {"type": "string"}, "value": {"type": "string"}}}}},
            "additionalProperties": False},
        "tags": {"type": "array", "items": {"anyOf": [
            {"type": "string"},
            {"type": "object", "properties": {"name": {"type": "string"}, "value": {}}},
            {"type": "object"}]}},
        "metadata": {"type": "object"},
        "exclusions": {
            "type": "array",
            "description": "Named exclusion parameters: each workspace of a fleet supplies its own values (or a watchlist) "
                           "and sentinelctl splices a filter into the query at deployment. See docs/fleets.md.",
            "items": {
                "type": "object",
                "required": ["name", "column"],
                "properties": {
                    "name": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]{0,63}$",
                             "description": "How workspaces refer to the parameter; also part of the generated let's name."},
                    "description": {"type": "string"},
                    "column": {"type": "string", "minLength": 1, "maxLength": 256,
                               "description": "The column the exclusion filters, as it exists at the placement."},
                    "match": {"enum": ["equals", "has", "startswith", "endswith", "in_ipv4_range"],
                              "description": "How the column is compared with each value; default equals."},
                    "caseSensitive": {"type": "boolean", "description": "Default false (in~, startswith, endswith)."},
                    "at": {"enum": ["after-table", "before-summarize", "end"],
                           "description": "Where the filter goes in the last statement's pipeline; default after-table."},
                },
                "additionalProperties": False,
            },
        },
    },
}

common_props = {
    "id": {"$ref": "common.schema.json#/$defs/guid"},
    "name": {"$ref": "common.schema.json#/$defs/name"},
    "description": {"$ref": "common.schema.json#/$defs/description"},
    "requiredDataConnectors": {"$ref": "common.schema.json#/$defs/requiredDataConnectors"},
    "tactics": {"$ref": "common.schema.json#/$defs/tactics"},
    "relevantTechniques": {"$ref": "common.schema.json#/$defs/techniques"},
    "query": {"$ref": "common.schema.json#/$defs/query"},
    "entityMappings": {"$ref": "common.schema.json#/$defs/entityMappings"},
    "version": {"$ref": "common.schema.json#/$defs/version"},
    "tags": {"$ref": "common.schema.json#/$defs/tags"},
    "metadata": {"$ref": "common.schema.json#/$defs/metadata"},
    "kind": {"type": "string"},
    "status": {"type": "string"},
}

rule = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "analytic-rule.schema.json",
    "title": "Microsoft Sentinel analytic rule (Azure-Sentinel YAML format, kinds Scheduled and NRT)",
    "type": "object",
    "required": ["id", "name", "description", "severity", "kind", "query"],
    "properties": dict(common_props, **{
        "kind": {"type": "string", "pattern": "^(?i:scheduled|nrt)$"},
        "severity": {"$ref": "common.schema.json#/$defs/severity"},
        "queryFrequency": {"$ref": "common.schema.json#/$defs/duration"},
        "queryPeriod": {"$ref": "common.schema.json#/$defs/duration"},
        "triggerOperator": {"enum": q and constraints["scheduled_only_fields"]["triggerOperator"]["values"]},
        "triggerThreshold": {"type": "integer", "minimum": 0, "maximum": 10000},
        "customDetails": {"$ref": "common.schema.json#/$defs/customDetails"},
        "alertDetailsOverride": {"$ref": "common.schema.json#/$defs/alertDetailsOverride"},
        "eventGroupingSettings": {"type": "object",
                                  "properties": {"aggregationKind": {"enum": ["SingleAlert", "AlertPerResult"]}},
                                  "additionalProperties": False},
        "incidentConfiguration": {
            "type": "object",
            "properties": {
                "createIncident": {"type": "boolean"},
                "groupingConfiguration": {
                    "type": "object",
                    "properties": {
                        "enabled": {"type": "boolean"},
                        "reopenClosedIncident": {"type": "boolean"},
                        "lookbackDuration": {"$ref": "common.schema.json#/$defs/duration"},
                        "matchingMethod": {"enum": ["AllEntities", "AnyAlert", "Selected"]},
                        "groupByEntities": {"type": "array", "items": {"type": "string"}},
                        "groupByAlertDetails": {"type": "array", "items": {"enum": ["DisplayName", "Severity"]}},
                        "groupByCustomDetails": {"type": "array", "items": {"type": "string"}}},
                    "additionalProperties": False}},
            "additionalProperties": False},
        "suppressionEnabled": {"type": "boolean"},
        "suppressionDuration": {"$ref": "common.schema.json#/$defs/duration"},
        "enabled": {"type": "boolean"},
        "sentinelEntitiesMappings": {"type": "array"},
        "alertRuleTemplateName": {"type": "string"},
        "templateVersion": {"type": "string"},
        "exclusions": {"$ref": "common.schema.json#/$defs/exclusions"},
    }),
    "additionalProperties": False,
    "allOf": [
        {"if": {"properties": {"kind": {"pattern": "^(?i:scheduled)$"}}, "required": ["kind"]},
         "then": {"required": ["queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold",
                               "requiredDataConnectors"]}},
        {"if": {"properties": {"kind": {"pattern": "^(?i:nrt)$"}}, "required": ["kind"]},
         "then": {"properties": {"queryFrequency": False, "queryPeriod": False, "triggerOperator": False,
                                 "triggerThreshold": False}}},
    ],
}

hunting = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "hunting-query.schema.json",
    "title": "Microsoft Sentinel hunting query (Azure-Sentinel YAML format)",
    "type": "object",
    "required": ["id", "name", "query"],
    "properties": dict(common_props, **{
        "description-detailed": {"type": "string"},
        "severity": {"$ref": "common.schema.json#/$defs/severity"},
        "kind": {"type": "string"},
        "customDetails": {"$ref": "common.schema.json#/$defs/customDetails"},
        "exclusions": {"$ref": "common.schema.json#/$defs/exclusions"},
    }),
    "additionalProperties": False,
}

for name, doc in [("common", common), ("analytic-rule", rule), ("hunting-query", hunting)]:
    with open(os.path.join("schemas", name + ".schema.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
print("wrote schemas/common, analytic-rule, hunting-query")

