package dev.sentinelctl.deploy.preflight;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.kql.syntax.KqlParser;
import java.util.ArrayList;
import java.util.List;

/**
 * What a deployed query needs from its workspace, as the binder resolved it (the same facts {@code check} and
 * {@code kql analyze} report as the tables a query reads).
 *
 * @param tables         tables the query cannot run without
 * @param optionalTables tables read only inside {@code union isfuzzy=true}: the query runs without any one of them
 * @param watchlists     aliases passed to {@code _GetWatchlist}
 * @param unchecked      names preflight cannot check by a table list, with why (workspace functions and parsers,
 *                       whose own tables are not visible in the query; names the catalog does not know)
 */
public record QueryReads(List<String> tables, List<String> optionalTables, List<String> watchlists, List<String> unchecked) {
    public QueryReads {
        tables = List.copyOf(tables);
        optionalTables = List.copyOf(optionalTables);
        watchlists = List.copyOf(watchlists);
        unchecked = List.copyOf(unchecked);
    }

    public static QueryReads of(String query, Binder binder) {
        BoundQuery bound = binder.bind(KqlParser.parse(query));
        Catalog catalog = binder.catalog();
        List<String> tables = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        List<String> strict = bound.reads().strictTables();
        for (String t : bound.tables()) {
            // The catalog lists ASIM unifying parsers (imDns, ...) as tables too; in a workspace they are functions.
            if (catalog.sentinelFunction(t).isPresent()) {
                unchecked.add(t + " (a workspace function or parser)");
            } else if (strict.contains(t)) {
                tables.add(t);
            } else {
                optional.add(t);
            }
        }
        for (String name : bound.unknownTables()) {
            // Custom log tables always end in _CL; any other unknown name may as well be a function or parser.
            if (name.endsWith("_CL")) tables.add(name);
            else unchecked.add(name + " (not a known table: a function or parser?)");
        }
        for (String f : bound.reads().workspaceFunctions()) unchecked.add(f + " (a workspace function or parser)");
        return new QueryReads(tables, optional, bound.reads().watchlists(), unchecked);
    }

    /** True when there is nothing a table or watchlist list could confirm. */
    public boolean checksNothing() {
        return tables.isEmpty() && optionalTables.isEmpty() && watchlists.isEmpty();
    }
}
