package dev.sentinelctl.reference;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named Catalog* so the catalog test selection ({@code -Dtest='Catalog*'}) runs it too. */
class CatalogReferenceDataTest {

    private final ReferenceData data = ReferenceData.builtIn();

    @Test
    void connectorIdsFromBothLists() {
        Connectors c = data.connectors();
        Connector aad = c.connector("AzureActiveDirectory").orElseThrow();
        assertTrue(aad.valid2023());
        assertTrue(aad.current());
        assertTrue(c.isKnownId("1PasswordCCPDefinition"));
        assertFalse(c.connector("1PasswordCCPDefinition").orElseThrow().valid2023());
        assertFalse(c.isKnownId("azureactivedirectory"), "connector ids are compared exactly");
        assertTrue(c.ids().size() > 600);
    }

    @Test
    void connectorsAndTables() {
        Connectors c = data.connectors();
        assertTrue(c.tablesOf("AzureActiveDirectory").contains("SigninLogs"), c.tablesOf("AzureActiveDirectory").toString());
        assertTrue(c.connectorsFeeding("signinlogs").contains("AzureActiveDirectory"));
        assertTrue(c.tablesOf("NoSuchConnector").isEmpty());
    }

    @Test
    void techniqueTactics() {
        TechniqueTactics now = data.techniqueTactics(TechniqueTactics.Version.POST_2023);
        assertTrue(now.tacticsOf("T1078").contains("InitialAccess"));
        assertEquals(now.tacticsOf("T1059"), now.tacticsOf("T1059.001"), "sub-technique suffix is stripped");
        assertTrue(now.tacticsOf("T9999").isEmpty());
        TechniqueTactics old = data.techniqueTactics(TechniqueTactics.Version.V2023_11);
        assertTrue(old.tacticsOf("T1595").contains("PreAttack"), "PreAttack exists only in the 2023 map");
        assertFalse(now.tacticsOf("T1595").contains("PreAttack"));
    }
}
