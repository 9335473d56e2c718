package dev.sentinelctl.kql.semantic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogSuggestionsTest {

    private final Catalog catalog = Catalog.builtIn();

    @Test
    void suggestsTablesForTyposAndCase() {
        assertEquals("SecurityEvent", catalog.suggestTables("SecurityEvents").get(0));
        assertEquals("SigninLogs", catalog.suggestTables("SignInLogs").get(0), "case-only difference ranks first");
        assertEquals("SigninLogs", catalog.suggestTables("SiginLogs").get(0));
        assertTrue(catalog.suggestTables("CompletelyUnrelatedName").isEmpty());
    }

    @Test
    void suggestsFunctionsAndColumns() {
        assertEquals("tolower", catalog.suggestFunctions(FunctionKind.SCALAR, "to_lower").get(0));
        assertEquals("parse_json", catalog.suggestFunctions(FunctionKind.SCALAR, "parse_jsn").get(0));
        TableSchema signin = catalog.table("SigninLogs").orElseThrow();
        assertEquals("IPAddress", signin.suggestColumns("IpAddress").get(0));
        assertEquals("UserPrincipalName", signin.suggestColumns("UserPrincipleName").get(0));
    }

    @Test
    void hiddenFunctionsAreNotSuggested() {
        List<String> s = catalog.suggestFunctions(FunctionKind.SCALAR, "parsejsn");
        assertTrue(s.contains("parse_json"), s.toString());
        assertTrue(!s.contains("parsejson"), "obsolete hidden alias offered: " + s);
    }

    @Test
    void ignoreCaseLookups() {
        assertEquals("tolower", catalog.functionIgnoreCase(FunctionKind.SCALAR, "ToLower").orElseThrow().name());
        assertEquals("IPAddress", catalog.table("SigninLogs").orElseThrow().columnIgnoreCase("ipaddress").orElseThrow().name());
        Catalog user = Catalog.of(List.of(new TableSchema("My_CL", List.of())), List.of(), java.util.Map.of());
        Catalog merged = catalog.withOverlay(user);
        assertEquals("My_CL", merged.tableIgnoreCase("my_cl").orElseThrow().name());
        assertEquals("SigninLogs", merged.tableIgnoreCase("SIGNINLOGS").orElseThrow().name());
        assertTrue(merged.suggestFunctions(FunctionKind.SCALAR, "parsejsn").contains("parse_json"));
    }

    @Test
    void distanceHandlesTranspositions() {
        assertEquals(1, Suggestions.distance("abcd", "abdc", 3));
        assertEquals(2, Suggestions.distance("kitten", "sittin", 3));
        assertEquals(4, Suggestions.distance("aaaa", "bbbbbbbb", 3), "stops early beyond the limit");
        assertTrue(Suggestions.closest("x", List.of("x")).isEmpty(), "the name itself is not a suggestion");
    }
}
