package dev.sentinelctl.kql.semantic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.semantic.ScalarType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogFunctionsTest {

    private final Catalog catalog = Catalog.builtIn();

    @Test
    void countsMatchKustoBuiltins() {
        assertEquals(429, catalog.functionNames(FunctionKind.SCALAR).size());
        assertEquals(61, catalog.functionNames(FunctionKind.AGGREGATE).size());
        assertEquals(47, catalog.functionNames(FunctionKind.PLUGIN).size());
        // the oracle's 123 stored functions, plus ASIM aliases derived from the _Im_ parsers
        long fromSources = catalog.functionNames(FunctionKind.STORED).stream()
                .filter(n -> !catalog.sentinelFunction(n).orElseThrow().source().startsWith("derived:")).count();
        assertEquals(123, fromSources);
    }

    @Test
    void asimParsersAnswerToAllFourNames() {
        FunctionSymbol im = catalog.sentinelFunction("_Im_FileEvent").orElseThrow();
        for (String alias : List.of("imFileEvent", "_ASim_FileEvent", "ASimFileEvent")) {
            FunctionSymbol f = catalog.sentinelFunction(alias).orElseThrow();
            assertEquals(im.resultColumns(), f.resultColumns(), alias);
            assertEquals("derived:alias-of:_Im_FileEvent", f.source());
        }
        assertTrue(catalog.sentinelFunction("imProcessCreate").isPresent());
        // imDns comes from KustoServices itself, not from the alias rule
        assertEquals("ks:imDns.json", catalog.sentinelFunction("imDns").orElseThrow().source());
    }

    @Test
    void scalarOperatorsAreSignaturesToo() {
        assertEquals(55, catalog.functionNames(FunctionKind.OPERATOR).size());
        FunctionSymbol has = catalog.function(FunctionKind.OPERATOR, "Has").orElseThrow();
        Signature s = has.signatures().get(0);
        assertEquals(BOOL, s.returnType());
        assertTrue(s.parameters().get(0).accepts(STRING));
        assertFalse(s.parameters().get(0).accepts(LONG), "EventID has \"4624\" is a type error (KS106)");
        Signature neg = catalog.function(FunctionKind.OPERATOR, "UnaryMinus").orElseThrow().signatures().get(0);
        assertEquals(TIMESPAN, ReturnTypes.resolve(neg, List.of(TIMESPAN)));
    }

    @Test
    void namespacesAreSeparate() {
        assertTrue(catalog.aggregate("count").isPresent());
        assertTrue(catalog.scalarFunction("count").isEmpty());
        assertTrue(catalog.plugin("bag_unpack").isPresent());
        assertTrue(catalog.scalarFunction("Strcat").isEmpty(), "Kusto names are case-sensitive");
    }

    @Test
    void declaredSignature() {
        FunctionSymbol ago = catalog.scalarFunction("ago").orElseThrow();
        Signature s = ago.signatures().get(0);
        assertEquals(ReturnRule.DECLARED, s.returnRule());
        assertEquals(DATETIME, s.returnType());
        assertEquals(1, s.minArgs());
        Parameter p = s.parameters().get(0);
        assertEquals("timespan", p.name());
        assertTrue(p.accepts(TIMESPAN));
        assertFalse(p.accepts(STRING));
    }

    @Test
    void repeatableAndOptionalParameters() {
        Signature strcat = catalog.scalarFunction("strcat").orElseThrow().signatures().get(0);
        assertTrue(strcat.parameters().get(0).repeatable());
        assertEquals(64, strcat.maxArgs());
        assertEquals("arg", strcat.parameterForArgument(10, 12).orElseThrow().name());
        Signature substring = catalog.scalarFunction("substring").orElseThrow().signatures().get(0);
        assertEquals(2, substring.minArgs());
        assertTrue(substring.parameters().get(2).optional());
        assertEquals(STRING, ReturnTypes.resolve(substring, List.of(STRING, LONG)));
    }

    @Test
    void repeatableBlocksMapArgumentsLikeKusto() {
        Signature caseSig = catalog.scalarFunction("case").orElseThrow().signatures().get(0);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) names.add(caseSig.parameterForArgument(i, 5).orElseThrow().name());
        assertEquals(List.of("predicate", "then", "predicate", "then", "else"), names);
        assertEquals(STRING, ReturnTypes.resolve(caseSig, List.of(BOOL, STRING, BOOL, STRING, STRING)));
        Signature delim = catalog.scalarFunction("strcat_delim").orElseThrow().signatures().get(0);
        assertEquals("delimiter", delim.parameterForArgument(0, 4).orElseThrow().name());
        assertEquals("arg", delim.parameterForArgument(3, 4).orElseThrow().name());
        assertTrue(delim.parameterForArgument(4, 4).isEmpty());
        Signature argMax = catalog.aggregate("arg_max").orElseThrow().signatures().get(0);
        assertEquals("maximized", argMax.parameterForArgument(0, 1).orElseThrow().name());
        assertEquals("returned", argMax.parameterForArgument(2, 3).orElseThrow().name());
    }

    @Test
    void returnRules() {
        Signature sum = catalog.aggregate("sum").orElseThrow().signatures().get(0);
        assertEquals(ReturnRule.PARAMETER0_PROMOTED, sum.returnRule());
        assertEquals(LONG, ReturnTypes.resolve(sum, List.of(INT)));
        assertEquals(REAL, ReturnTypes.resolve(sum, List.of(REAL)));

        Signature iff = catalog.scalarFunction("iff").orElseThrow().signatures().get(0);
        assertEquals(ReturnRule.COMMON_NON_DYNAMIC, iff.returnRule());
        assertEquals(LONG, ReturnTypes.resolve(iff, List.of(BOOL, INT, LONG)), "the predicate does not take part");

        Signature coalesce = catalog.scalarFunction("coalesce").orElseThrow().signatures().get(0);
        assertEquals(STRING, ReturnTypes.resolve(coalesce, List.of(STRING, STRING, STRING)));

        Signature bin = catalog.scalarFunction("bin").orElseThrow().signatures().get(0);
        assertEquals(REAL, ReturnTypes.resolve(bin, List.of(LONG, REAL)));

        Signature max = catalog.aggregate("max").orElseThrow().signatures().get(0);
        assertEquals(DATETIME, ReturnTypes.resolve(max, List.of(DATETIME)));

        Signature makeSet = catalog.aggregate("make_set").orElseThrow().signatures().get(0);
        assertEquals(DYNAMIC, ReturnTypes.resolve(makeSet, List.of(STRING)));

        Signature percentile = catalog.aggregate("percentile").orElseThrow().signatures().get(0);
        assertEquals(LONG, ReturnTypes.resolve(percentile, List.of(LONG, INT)));

        Signature argMax = catalog.aggregate("arg_max").orElseThrow().signatures().get(0);
        assertEquals(ReturnRule.CUSTOM, argMax.returnRule(), "multi-column result: the binder expands it");
    }

    @Test
    void typeLiteralRules() {
        FunctionSymbol extract = catalog.scalarFunction("extract").orElseThrow();
        Signature typed = extract.signaturesFor(4).get(0);
        assertEquals(ReturnRule.PARAMETER_N_LITERAL, typed.returnRule());
        assertEquals(ParameterTypeKind.TYPE_LITERAL, typed.parameters().get(3).typeKind());
        assertEquals(LONG, ReturnTypes.resolve(typed, List.of(STRING, INT, STRING, ErrorType.UNKNOWN), List.of(LONG)));
    }

    @Test
    void obsoleteFunctionsNameTheirReplacement() {
        FunctionSymbol parsejson = catalog.scalarFunction("parsejson").orElseThrow();
        assertTrue(parsejson.isObsolete());
        assertEquals("parse_json", parsejson.obsoleteReplacement().orElseThrow());
        Signature countPredicate = catalog.aggregate("count").orElseThrow().signaturesFor(1).get(0);
        assertEquals("countif", countPredicate.obsoleteReplacement().orElseThrow());
        assertFalse(catalog.scalarFunction("parse_json").orElseThrow().isObsolete());
    }

    @Test
    void resultNaming() {
        FunctionSymbol count = catalog.aggregate("count").orElseThrow();
        assertEquals(ResultNameKind.PREFIX_AND_FIRST_ARGUMENT, count.resultNameKind());
        assertEquals("count", count.resultNamePrefix());
    }

    @Test
    void sentinelFunctionsHaveParametersAndResultColumns() {
        FunctionSymbol dns = catalog.sentinelFunction("_Im_Dns").orElseThrow();
        Signature s = dns.signatures().get(0);
        assertTrue(s.tabular());
        assertEquals(0, s.minArgs(), "parser parameters are optional, as the Sentinel validator makes them");
        assertEquals("starttime", s.parameters().get(0).name());
        assertEquals("datetime(null)", s.parameters().get(0).defaultValue());
        assertTrue(dns.resultColumns().stream().anyMatch(c -> c.name().equals("DnsQuery")));
        assertTrue(catalog.sentinelFunction("imDns").isPresent());
        assertTrue(catalog.sentinelFunction("_ASim_Dns").isPresent() || catalog.sentinelFunction("_Im_WebSession").isPresent());
    }

    @Test
    void getWatchlistCombinesItsColumnsWithTheWatchlists() {
        FunctionSymbol gw = catalog.sentinelFunction("_GetWatchlist").orElseThrow();
        List<String> cols = gw.resultColumns().stream().map(Column::name).toList();
        assertTrue(cols.containsAll(List.of("SearchKey", "_DTItemId", "WatchlistItem", "LastUpdatedTimeUTC")), cols.toString());
        Catalog user = Catalog.of(List.of(), List.of(),
                java.util.Map.of("VIPs", new TableSchema("VIPs", List.of(new Column("UPN", STRING)))));
        TableSchema rows = catalog.withOverlay(user).watchlistRows("VIPs");
        assertTrue(rows.hasColumn("UPN"));
        assertTrue(rows.hasColumn("SearchKey"));
        assertFalse(catalog.watchlistRows("Unknown").hasColumn("UPN"));
    }
}
