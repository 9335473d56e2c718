package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.deploy.kinds.QueryEdges;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * What deployed resources stand on, read from their deployed bodies: a query that calls the alias of a deployed
 * parser needs that parser, one that calls {@code _GetWatchlist('x')} needs watchlist x. Prune uses it: once the files
 * are gone, the workspace is the only place that still says a union parser calls its source parsers.
 */
public final class DeployedEdges {
    /** Callable names (function aliases, as KQL is case-sensitive) of what is deployed → the edge to it. */
    private final Map<String, Edge> callable;

    private DeployedEdges(Map<String, Edge> callable) {
        this.callable = Map.copyOf(callable);
    }

    public static DeployedEdges of(ActualState actual, KindTable kinds) {
        Map<String, Edge> callable = new HashMap<>();
        for (DeployableKind k : kinds.contentKinds()) {
            for (ObjectNode listed : actual.of(k).values()) {
                k.calledAs(listed).ifPresent(alias -> callable.putIfAbsent(alias,
                        new Edge(k.id(), k.nameInList(listed), "calls " + alias)));
            }
        }
        return new DeployedEdges(callable);
    }

    /** What a listed resource of {@code kind} needs, by its deployed query; empty when it runs none. */
    public List<Edge> of(DeployableKind kind, ObjectNode listed) {
        if (listed == null || !(kind.propertiesOf(listed) instanceof ObjectNode properties)) return List.of();
        // The same place a desired body keeps its query (a rule's properties.query, a Graph detection's queryText).
        return QueryEdges.ofQuery(kind.deployedQuery(properties).orElse(""), alias -> Optional.ofNullable(callable.get(alias)),
                kind.calledAs(listed).orElse(null));
    }
}
