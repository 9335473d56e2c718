package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.content.ContentIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinelctl.content.Parser;
import dev.sentinelctl.content.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edges a query implies: watchlists it reads, the content's parsers it calls, and what is no call. */
class QueryEdgesTest {
    static Parser parser(String alias, String query) {
        return new Parser("id-" + alias, alias, "", alias, "ASIM", "1.0.0", List.of(), Query.of(query), List.of(), null);
    }

    static final ContentIndex INDEX = ContentIndex.of(List.of(parser("vimDnsA", "DnsEvents"), parser("vimDnsB", "DnsEvents"),
            parser("imDns", "union vimDnsA, vimDnsB")));

    static List<String> edges(String query) {
        return QueryEdges.of(parser("caller", query), INDEX).stream().map(e -> e.kindId() + ":" + e.name()).toList();
    }

    @Test
    void callsWithAndWithoutParenthesesAndWatchlistsInEitherQuote() {
        assertEquals(List.of("parser:id-vimDnsA", "parser:id-vimDnsB"), edges("union isfuzzy=true vimDnsA, (vimDnsB() | take 1)"));
        assertEquals(List.of("watchlist:vip", "watchlist:Tor", "parser:id-imDns"),
                edges("let v = _GetWatchlist('vip');\nlet t = _GetWatchlist(\"Tor\");\nimDns | where x in (v)"));
    }

    @Test
    void commentsStringsMembersShadowingLetsAssignmentsAndUnknownNamesAreNoCalls() {
        assertEquals(List.of(), edges("// imDns\nprint 'vimDnsA'"));
        assertEquals(List.of(), edges("T | extend y = x.imDns"));
        assertEquals(List.of(), edges("let imDns = datatable(a:int)[1];\nimDns"));
        assertEquals(List.of(), edges("T | extend imDns = 1"));
        assertEquals(List.of(), edges("someWorkspaceFunction() | take 1"), "not a parser of the content");
    }

    @Test
    void aParserNamingItsOwnAliasIsNoSelfEdge() {
        assertEquals(List.of("parser:id-vimDnsA"), QueryEdges.of(parser("imDns", "union imDns_old, vimDnsA | extend src = 'imDns'"),
                INDEX).stream().map(e -> e.kindId() + ":" + e.name()).toList());
        assertEquals(List.of(), QueryEdges.of(parser("imDns", "imDns | take 1"), INDEX));
    }
}
