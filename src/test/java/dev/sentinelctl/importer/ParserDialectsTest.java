package dev.sentinelctl.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The four Azure-Sentinel parser dialects converted to the native form. */
public class ParserDialectsTest {

    public static final String ASIM = """
            Parser:
              Title: DNS activity ASIM parser for Example Firewall
              Version: '0.3.1'
              LastUpdated: Dec 26 2022
            Product:
              Name: Example Firewall
            Normalization:
              Schema: Dns
              Version: '0.1.3'
            Description: |
              Normalizes Example Firewall DNS logs.
            ParserName: ASimDnsExample
            EquivalentBuiltInParser: _ASim_Dns_Example
            ParserParams:
              - Name: disabled
                Type: bool
                Default: false
              - Name: starttime
                Type: datetime
                Default: datetime(null)
              - Name: domain_has_any
                Type: 'dynamic '
                Default: dynamic([])
            ParserQuery: |
              Syslog | where not(disabled)
            """;

    public static final String LIB = """
            Function:
              Title: Watchlist raw content
              Version: '0.1'
            FunctionName: ASIM_GetWatchlistRaw
            EquivalentBuiltInFunction: _ASIM_GetWatchlistRaw
            FunctionParams:
              - Name: watchlist
                Type: string
            FunctionQuery: |
              _GetWatchlist(watchlist)
            """;

    public static final String SOLUTION = """
            id: b52d934f-469b-4908-997f-fc097b17442a
            Function:
              Title: Example solution parser
              Version: '1.0.0'
            Category: ExampleParser
            FunctionName: ExampleEvent
            FunctionAlias: ExampleEvent
            FunctionParams:
              - Name: eventType
                Type: string
                Default: '*'
            FunctionQuery: |
              Syslog | where ProcessName == "example"
            """;

    public static final String LEGACY = """
            // Example Audit Log Parser
            // Last Updated Date: Feb 9, 2021
            //
            // Paste below query in log analytics, click on Save button and select as Function from drop down.
            // To work with pre-built queries this Function should be given the alias of ExampleAudit.
            // Functions usually takes 10-15 minutes to activate. (e.g. ExampleAudit | take 10).
            Syslog
            | where ProcessName == "audit"
            """;

    private static JsonNode yaml(String text) {
        return new YamlLoader().load(text.getBytes(StandardCharsets.UTF_8), "x.yaml").document().orElseThrow().root();
    }

    @Test
    void asimParserYaml() {
        ParserDialects.Converted c = ParserDialects.fromYaml(yaml(ASIM), "ASimDnsExample").orElseThrow();
        assertEquals(ParserDialects.Dialect.ASIM_PARSER, c.dialect());
        JsonNode y = c.yaml();
        assertEquals("ASimDnsExample", y.get("functionAlias").asString());
        assertEquals("DNS activity ASIM parser for Example Firewall", y.get("name").asString());
        assertEquals("ASIM", y.get("category").asString(), "the converter's default category");
        assertEquals("0.3.1", y.get("version").asString());
        assertEquals("dynamic", y.at("/parameters/2/type").asString(), "trailing spaces trimmed");
        assertTrue(y.at("/parameters/0/default").isBoolean(), "a YAML boolean default stays a boolean");
        assertEquals("datetime(null)", y.at("/parameters/1/default").asString());
        assertEquals("_ASim_Dns_Example", y.at("/metadata/equivalentBuiltInParser").asString());
        assertEquals("Dns", y.at("/metadata/normalizationSchema").asString());
        assertEquals("Syslog | where not(disabled)\n", y.get("query").asString());
        assertEquals(c.yaml().get("id"), ParserDialects.fromYaml(yaml(ASIM), "other").orElseThrow().yaml().get("id"),
                "the id is fixed by the alias: importing again gives the same id");
    }

    @Test
    void asimLibraryFunctionYamlWithARequiredParameter() {
        ParserDialects.Converted c = ParserDialects.fromYaml(yaml(LIB), "x").orElseThrow();
        assertEquals(ParserDialects.Dialect.ASIM_FUNCTION, c.dialect());
        assertEquals("ASIM_GetWatchlistRaw", c.alias());
        assertTrue(c.yaml().at("/parameters/0/default").isMissingNode(), "no Default: the argument is required");
        assertEquals("0.1", c.yaml().get("version").asString());
    }

    @Test
    void solutionParserYamlKeepsItsIdAndCategory() {
        ParserDialects.Converted c = ParserDialects.fromYaml(yaml(SOLUTION), "x").orElseThrow();
        assertEquals(ParserDialects.Dialect.SOLUTION_PARSER, c.dialect());
        assertEquals("b52d934f-469b-4908-997f-fc097b17442a", c.yaml().get("id").asString());
        assertEquals("ExampleParser", c.yaml().get("category").asString());
        assertEquals("*", c.yaml().at("/parameters/0/default").asString());
    }

    @Test
    void legacyKqlTakesItsAliasFromTheComment() {
        ParserDialects.Converted c = ParserDialects.fromLegacyText(LEGACY, "ExampleAuditLog");
        assertEquals(ParserDialects.Dialect.LEGACY_TEXT, c.dialect());
        assertEquals("ExampleAudit", c.alias());
        assertEquals("Example Audit Log Parser", c.yaml().get("name").asString());
        assertTrue(c.notes().isEmpty());
        assertTrue(c.yaml().get("query").asString().contains("| where ProcessName == \"audit\""));
    }

    @Test
    void otherAliasCommentsAndTheFileNameFallback() {
        assertEquals("OneLoginEvents", ParserDialects.fromLegacyText(
                "// specifying function name and alias as OneLoginEvents\nT", "x").alias());
        assertEquals("SymantecProxySG", ParserDialects.fromLegacyText(
                "//    the Function Alias must be set to - SymantecProxySG\nT", "x").alias());
        assertEquals("CommonSecurityLogs_Parsed", ParserDialects.fromLegacyText(
                "// function name and alias (e.g. CommonSecurityLogs_Parsed).\nT", "x").alias());
        ParserDialects.Converted none = ParserDialects.fromLegacyText("// a parser\nSyslog", "My-Parser");
        assertEquals("My_Parser", none.alias());
        assertEquals(1, none.notes().size());
        assertEquals(Optional.empty(), ParserDialects.fromYaml(yaml("id: x\nquery: T\n"), "x"));
        assertEquals("Cisco Meraki", ParserDialects.fromLegacyText("// Title:           Cisco Meraki\n// Author: x\nT", "x")
                .yaml().get("name").asString(), "a Title: header names the parser");
    }
}
