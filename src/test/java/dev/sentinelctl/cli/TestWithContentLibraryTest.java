package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that calls the repository's own parsers (an ASIM-style union parser over two source parsers, with a
 * parameter) is tested by running the parsers' queries over the test's table fixtures; a rule that reads the
 * repository's watchlist reads its data.csv unless the test gives the watchlist itself.
 */
public class TestWithContentLibraryTest {
    static final String SOURCE_A = """
            id: 0b7f3c1e-1111-4a2b-9c3d-000000000001
            name: DNS events (Windows)
            functionAlias: vimDnsWindows
            parameters:
              - name: domain
                type: string
                default: '*'
            query: |
              DnsEvents
              | where domain == '*' or Name has domain
              | project TimeGenerated, DnsQuery = Name, SrcIpAddr = ClientIP, EventVendor = 'Microsoft'
            version: 1.0.0
            """;
    static final String SOURCE_B = """
            id: 0b7f3c1e-1111-4a2b-9c3d-000000000002
            name: DNS events (Syslog)
            functionAlias: vimDnsSyslog
            parameters:
              - name: domain
                type: string
                default: '*'
            query: |
              Syslog
              | where ProcessName == 'named'
              | parse SyslogMessage with * 'query: ' Query ' IN' *
              | where domain == '*' or Query has domain
              | project TimeGenerated, DnsQuery = Query, SrcIpAddr = HostIP, EventVendor = 'ISC'
            version: 1.0.0
            """;
    static final String UNION = """
            id: 0b7f3c1e-1111-4a2b-9c3d-000000000003
            name: DNS events
            functionAlias: imDnsRepo
            parameters:
              - name: domain
                type: string
                default: '*'
            query: |
              union isfuzzy=true vimDnsWindows(domain), vimDnsSyslog(domain)
            version: 1.0.0
            """;
    static final String RULE = """
            id: 5a1e2b3c-2222-4d5e-8f90-000000000010
            name: Lookups of a known bad domain
            description: |
              Any DNS source resolves the bad domain.
            severity: Medium
            requiredDataConnectors:
              - connectorId: DNS
                dataTypes:
                  - DnsEvents
            queryFrequency: 1h
            queryPeriod: 1h
            triggerOperator: gt
            triggerThreshold: 0
            tactics:
              - CommandAndControl
            relevantTechniques:
              - T1071
            query: |
              imDnsRepo(domain='evil.example')
              | summarize Lookups = count() by SrcIpAddr, EventVendor
            version: 1.0.0
            kind: Scheduled
            """;
    static final String TESTS = """
            defaults:
              now: 2024-05-01T12:00:00Z
            tests:
              - name: a Windows DNS lookup fires
                tables:
                  DnsEvents:
                    - {TimeGenerated: now-5m, Name: www.evil.example, ClientIP: 10.0.0.5}
                    - {TimeGenerated: now-5m, Name: www.good.example, ClientIP: 10.0.0.6}
                expect:
                  rows: 1
                  contains: [{SrcIpAddr: 10.0.0.5, EventVendor: Microsoft, Lookups: 1}]
              - name: a BIND lookup fires through the second source parser
                tables:
                  Syslog:
                    - {TimeGenerated: now-5m, ProcessName: named, HostIP: 10.0.0.7, SyslogMessage: 'client 10.0.0.7#5353: query: evil.example IN A +'}
                expect:
                  contains: [{SrcIpAddr: 10.0.0.7, EventVendor: ISC}]
              - name: other domains stay silent
                tables:
                  DnsEvents:
                    - {TimeGenerated: now-5m, Name: evilexample.org, ClientIP: 10.0.0.8}
                expect:
                  fires: false
            """;

    @TempDir
    Path root;
    Path content;

    @BeforeEach
    void setUp() throws Exception {
        content = root.resolve("content");
        Files.createDirectories(content.resolve("Parsers"));
        Files.createDirectories(content.resolve("Detections"));
        Files.writeString(content.resolve("Parsers/vimDnsWindows.yaml"), SOURCE_A);
        Files.writeString(content.resolve("Parsers/vimDnsSyslog.yaml"), SOURCE_B);
        Files.writeString(content.resolve("Parsers/imDnsRepo.yaml"), UNION);
        Files.writeString(content.resolve("Detections/BadDomain.yaml"), RULE);
        Files.writeString(content.resolve("Detections/BadDomain.tests.yaml"), TESTS);
        Files.createDirectories(root.resolve(".git"));
    }

    @Test
    void parserCallsRunTheParsersOverTheFixtures() {
        CliRunner.Run run = CliRunner.run("test", content.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Tests: 3 passed, 0 failed, 0 errors"), run.out());
    }

    @Test
    void aChangeInTheParserIsWhatTheTestCatches() throws Exception {
        // the Windows source parser stops mapping ClientIP: the first test must fail, not pass over an empty column
        Files.writeString(content.resolve("Parsers/vimDnsWindows.yaml"), SOURCE_A.replace("SrcIpAddr = ClientIP", "SrcIpAddr = ''"));
        CliRunner.Run run = CliRunner.run("test", content.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL") && run.out().contains("a Windows DNS lookup fires"), run.out());
    }

    static final String ALLOWED_RULE = RULE.replace("5a1e2b3c-2222-4d5e-8f90-000000000010", "5a1e2b3c-2222-4d5e-8f90-000000000011")
            .replace("name: Lookups of a known bad domain", "name: Lookups of a known bad domain from unlisted hosts")
            .replace("""
                      imDnsRepo(domain='evil.example')
                    """, """
                      let scanners = _GetWatchlist('DnsScanners') | project SearchKey;
                      imDnsRepo(domain='evil.example')
                      | where SrcIpAddr !in (scanners)
                    """);
    static final String ALLOWED_TESTS = """
            defaults:
              now: 2024-05-01T12:00:00Z
              tables:
                DnsEvents:
                  - {TimeGenerated: now-5m, Name: www.evil.example, ClientIP: 10.0.0.5}
                  - {TimeGenerated: now-5m, Name: www.evil.example, ClientIP: 10.9.9.9}
            tests:
              - name: the repository's watchlist removes the listed scanner
                expect:
                  rows: 1
                  contains: [{SrcIpAddr: 10.0.0.5}]
              - name: a test's own watchlist replaces the repository's
                watchlists:
                  DnsScanners:
                    searchKey: Ip
                    rows: [{Ip: 10.0.0.5, Owner: red team}]
                expect:
                  rows: 1
                  contains: [{SrcIpAddr: 10.9.9.9}]
            """;

    @Test
    void theRepositorysWatchlistIsWhatTheRuleReadsUnlessTheTestGivesOne() throws Exception {
        scannersWatchlist(content, "Ip,Owner\n10.9.9.9,vulnerability scanning\n");
        Files.writeString(content.resolve("Detections/Allowed.yaml"), ALLOWED_RULE);
        Files.writeString(content.resolve("Detections/Allowed.tests.yaml"), ALLOWED_TESTS);
        CliRunner.Run run = CliRunner.run("test", content.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Tests: 5 passed, 0 failed, 0 errors"), run.out());
    }

    /** The content watchlist DnsScanners (search key Ip) with the given data.csv. */
    public static void scannersWatchlist(Path content, String csv) throws Exception {
        Path list = Files.createDirectories(content.resolve("Watchlists/DnsScanners"));
        Files.writeString(list.resolve("watchlist.yaml"), """
                alias: DnsScanners
                displayName: DNS scanners
                description: Hosts that resolve bad domains on purpose.
                provider: Custom
                itemsSearchKey: Ip
                """);
        Files.writeString(list.resolve("data.csv"), csv);
    }
}
