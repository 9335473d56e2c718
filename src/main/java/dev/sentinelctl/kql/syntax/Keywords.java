package dev.sentinelctl.kql.syntax;

import java.util.Set;

/**
 * Keyword facts, taken from Microsoft's Kusto.Language keyword table (shared/reference/kusto-builtins.json)
 * and from asking it which keywords it accepts as plain names. Data, not logic.
 */
final class Keywords {
    private Keywords() {
    }

    /** Every word Kusto lexes as a keyword. After {@code |} such a word is "operator missing", not a bad operator name. */
    static final Set<String> ALL = Set.of(
            "!between", "!contains", "!contains_cs", "!endswith", "!endswith_cs", "!has", "!has_cs", "!hasprefix",
            "!hasprefix_cs", "!hassuffix", "!hassuffix_cs", "!in", "!in~", "!startswith", "!startswith_cs", "3Dchart",
            "__contextual_datatable", "__crossCluster", "__crossDB", "__executeAndCache", "__id", "__isFuzzy",
            "__noWithSource", "__packedColumn", "__partitionby", "__projectAway", "__sourceColumnIndex", "access",
            "accumulate", "alias", "and", "anomalychart", "areachart", "as", "asc", "assert-schema", "bagexpansion",
            "barchart", "best_effort", "between", "bin", "bin_legacy", "bool", "boolean", "by", "byte",
            "cachingpolicy", "callout", "cancel", "card", "char", "columnchart", "commands-and-queries", "consume",
            "contains", "contains_cs", "containscs", "count", "cycles", "database", "dataexport", "dataformat",
            "datascope", "datatable", "date", "datetime", "datetime_pattern", "decimal", "declare", "decodeblocks",
            "default", "desc", "distinct", "double", "dynamic", "earliest", "edges", "encodingpolicy", "endswith",
            "endswith_cs", "entity_group", "evaluate", "expandoutput", "extend", "extent_tags_retention",
            "external_data", "externaldata", "facet", "filter", "find", "first", "flags", "float", "force_remote",
            "fork", "from", "getschema", "granny-asc", "granny-desc", "graph", "graph-mark-components", "graph-match",
            "graph-shortest-paths", "graph-to-table", "graph-where-edges", "graph-where-nodes", "guid", "harddelete",
            "hardretention", "has", "has_all", "has_any", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix",
            "hassuffix_cs", "hint.concurrency", "hint.distribution", "hint.materialized", "hint.num_partitions",
            "hint.progressive_top", "hint.remote", "hint.shufflekey", "hint.spread", "hint.strategy", "hotcache",
            "id", "in", "inline_external_table", "int", "int16", "int32", "int64", "int8", "invoke", "in~", "isfuzzy",
            "join", "journal", "kind", "ladderchart", "last", "latest", "let", "like", "likecs", "limit", "linechart",
            "long", "lookup", "macro-expand", "make-graph", "make-series", "matches regex", "materialize",
            "materialized-view-combine", "materialized-views", "mdm", "missing", "mv-apply", "mv-expand", "mvapply",
            "mvexpand", "nodes", "nooptimization", "notcontains", "notcontainscs", "notlike", "notlikecs", "null",
            "nulls", "of", "on", "optional", "or", "order", "others", "output", "pack", "parse", "parse-kv",
            "parse-where", "partition", "partitioned-by", "pathformat", "pattern", "piechart", "pivotchart", "plotly",
            "print", "project", "project-away", "project-by-names", "project-keep", "project-rename",
            "project-reorder", "project-smart", "queries", "query_parameters", "query_results", "range", "real",
            "reduce", "regex", "relaxed", "render", "restrict", "restricted_view_access", "row_level_security",
            "rowstore", "rowstore_references", "rowstore_sealinfo", "rowstorepolicy", "rowstores", "sample",
            "sample-distinct", "scan", "scatterchart", "seal", "seals", "search", "serialize", "set", "set-or-append",
            "set-or-replace", "shards", "simple", "softdelete", "softretention", "sort", "sql", "stackedareachart",
            "startswith", "startswith_cs", "statistics", "step", "storedqueryresultcontainers", "string", "summarize",
            "tablepurge", "take", "time", "timechart", "timeline", "timepivot", "timespan", "title", "to", "top",
            "top-hitters", "top-nested", "toscalar", "totable", "treemap", "typeof", "uint", "uint16", "uint32",
            "uint64", "uint8", "ulong", "union", "uniqueid", "unrestrictedviewers", "uuid", "verbose", "view",
            "viewers", "views", "where", "with", "with_itemindex", "with_match_id", "with_node_id", "with_source",
            "with_step_name", "withsource", "writeaheadlog");

    /**
     * Keywords that cannot be used as a bare name in an expression ({@code extend a = where} is an error;
     * {@code extend a = count} is not). Writing {@code ['where']} is the escape.
     */
    static final Set<String> NOT_NAMES = Set.of(
            "3Dchart", "__contextual_datatable", "__crossCluster", "__crossDB", "__executeAndCache", "__id",
            "__isFuzzy", "__noWithSource", "__packedColumn", "__projectAway", "__sourceColumnIndex", "accumulate",
            "and", "anomalychart", "areachart", "as", "asc", "assert-schema", "bagexpansion", "barchart", "between",
            "bin_legacy", "boolean", "by", "byte", "cachingpolicy", "callout", "cancel", "card", "char",
            "columnchart", "commands-and-queries", "contains", "contains_cs", "containscs", "cycles", "dataexport",
            "datascope", "datatable", "date", "datetime", "decimal", "decodeblocks", "desc", "double", "dynamic",
            "earliest", "encodingpolicy", "endswith", "endswith_cs", "expandoutput", "extent_tags_retention",
            "external_data", "externaldata", "find", "first", "flags", "float", "force_remote", "granny-asc",
            "granny-desc", "graph-mark-components", "graph-match", "graph-shortest-paths", "graph-to-table",
            "graph-where-edges", "graph-where-nodes", "harddelete", "hardretention", "has", "has_all", "has_any",
            "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "hotcache", "in", "int", "int16",
            "int32", "int64", "int8", "invoke", "isfuzzy", "journal", "ladderchart", "last", "latest", "like",
            "likecs", "linechart", "long", "macro-expand", "make-graph", "make-series", "materialize",
            "materialized-view-combine", "materialized-views", "mdm", "missing", "mv-apply", "mv-expand",
            "nooptimization", "notcontains", "notcontainscs", "notlike", "notlikecs", "of", "or", "others",
            "parse-kv", "parse-where", "partitioned-by", "pathformat", "piechart", "pivotchart", "print", "project",
            "project-away", "project-by-names", "project-keep", "project-rename", "project-reorder", "project-smart",
            "queries", "query_results", "real", "relaxed", "restricted_view_access", "row_level_security", "rowstore",
            "rowstore_references", "rowstore_sealinfo", "rowstorepolicy", "rowstores", "sample", "sample-distinct",
            "scatterchart", "seal", "seals", "search", "set", "set-or-append", "set-or-replace", "shards", "simple",
            "softdelete", "softretention", "sql", "stackedareachart", "startswith", "startswith_cs", "statistics",
            "storedqueryresultcontainers", "string", "tablepurge", "time", "timechart", "timeline", "timepivot",
            "timespan", "title", "to", "top-hitters", "top-nested", "toscalar", "totable", "treemap", "uint",
            "uint16", "uint32", "uint64", "uint8", "ulong", "union", "uniqueid", "unrestrictedviewers", "verbose",
            "viewers", "views", "where", "with_itemindex", "with_match_id", "with_step_name", "writeaheadlog");

    /** Keywords that cannot be declared as a column name ({@code extend kind = 1} is KS228; {@code ['kind']} works). */
    static final Set<String> NOT_DECLARABLE = Set.of(
            "3Dchart", "__contextual_datatable", "__crossCluster", "__crossDB", "__executeAndCache", "__id",
            "__isFuzzy", "__noWithSource", "__packedColumn", "__projectAway", "__sourceColumnIndex", "and",
            "anomalychart", "areachart", "asc", "assert-schema", "bagexpansion", "barchart", "between", "bin_legacy",
            "boolean", "byte", "cachingpolicy", "callout", "cancel", "card", "char", "columnchart",
            "commands-and-queries", "contains_cs", "containscs", "cycles", "dataexport", "datascope", "date",
            "datetime", "decimal", "decodeblocks", "desc", "double", "dynamic", "encodingpolicy", "endswith",
            "endswith_cs", "expandoutput", "extent_tags_retention", "external_data", "first", "flags", "float",
            "force_remote", "granny-asc", "granny-desc", "graph-mark-components", "graph-match",
            "graph-shortest-paths", "graph-to-table", "graph-where-edges", "graph-where-nodes", "harddelete",
            "hardretention", "has_all", "has_any", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs",
            "hotcache", "int", "int16", "int32", "int64", "int8", "isfuzzy", "journal", "kind", "ladderchart", "last",
            "like", "likecs", "linechart", "long", "macro-expand", "make-graph", "make-series",
            "materialized-view-combine", "materialized-views", "missing", "mv-apply", "mv-expand", "nooptimization",
            "notcontains", "notcontainscs", "notlike", "notlikecs", "or", "others", "parse-kv", "parse-where",
            "partitioned-by", "pathformat", "piechart", "pivotchart", "project", "project-away", "project-by-names",
            "project-keep", "project-rename", "project-reorder", "project-smart", "queries", "query_results", "real",
            "relaxed", "restricted_view_access", "row_level_security", "rowstore", "rowstore_references",
            "rowstore_sealinfo", "rowstorepolicy", "rowstores", "scatterchart", "seal", "seals", "set-or-append",
            "set-or-replace", "shards", "simple", "softdelete", "softretention", "stackedareachart", "startswith",
            "startswith_cs", "statistics", "storedqueryresultcontainers", "string", "tablepurge", "time", "timechart",
            "timeline", "timepivot", "timespan", "treemap", "uint", "uint16", "uint32", "uint64", "uint8", "ulong",
            "union", "uniqueid", "unrestrictedviewers", "views", "with_itemindex", "with_match_id", "with_source",
            "with_step_name", "withsource", "writeaheadlog");
}
