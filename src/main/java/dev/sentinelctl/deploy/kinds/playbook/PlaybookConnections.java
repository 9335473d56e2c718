package dev.sentinelctl.deploy.kinds.playbook;

import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Playbook;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.playbook.PlaybookResources;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.Edge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A playbook's API connections and custom connectors in one workspace, and where each comes from. A connection the
 * template creates is part of its own ARM deployment: ARM creates it before the Logic App that lists it in
 * {@code dependsOn}, so nothing more is ordered. One it only uses ({@code $connections}' {@code connectionId}, or a
 * {@code dependsOn} on a connection it does not create) comes from another playbook template of the content (a
 * separate connections template, or a playbook that creates it): that deployment is an edge, so apply writes it first.
 * Otherwise it must already exist in the resource group. The same for a custom connector its own connections are
 * built on ({@code properties.api.id}), and for a Logic App its workflows call (a nested playbook,
 * {@code resourceId('Microsoft.Logic/workflows', …)} in a workflow's actions).
 */
final class PlaybookConnections {
    /** Where a connection or connector comes from. */
    enum Source { HERE, CONTENT, OUTSIDE, UNKNOWN }

    /**
     * @param what  "API connection", "custom connector" or "Logic App"
     * @param from  the content playbook that creates it, for {@link Source#CONTENT}
     * @param where where the template uses it ({@code file:line:column})
     * @param id    its full resource id when the template writes one as a literal (it may be in another resource group)
     */
    record Use(String what, String name, Source source, Optional<Playbook> from, String where, Optional<String> id) {
        Use(String what, String name, Source source, Optional<Playbook> from, String where) {
            this(what, name, source, from, where, Optional.empty());
        }
    }

    private PlaybookConnections() {
    }

    static List<Use> of(Playbook p, WorkspaceConfig ws, ContentIndex content) {
        PlaybookResources mine = PlaybookResources.of(p, ws.workspace());
        List<Use> out = new ArrayList<>();
        for (PlaybookResources.Named c : mine.connections()) {
            out.add(new Use("API connection", c.shown(), Source.HERE, Optional.empty(), at(p, c.pointer())));
        }
        List<Other> others = null;
        for (PlaybookResources.Named use : mine.external()) {
            if (others == null) others = others(p, ws, content);
            out.add(resolve("API connection", use, p, others, Made.CONNECTION));
        }
        for (PlaybookResources.Named api : mine.apis()) {
            if (others == null) others = others(p, ws, content);
            out.add(resolve("custom connector", api, p, others, Made.CUSTOM_API));
        }
        for (PlaybookResources.Named call : mine.calls()) {
            if (others == null) others = others(p, ws, content);
            out.add(resolve("Logic App", call, p, others, Made.WORKFLOW));
        }
        return out;
    }

    /** The edges: each content playbook a connection or connector comes from, once. */
    static List<Edge> edges(Playbook p, WorkspaceConfig ws, ContentIndex content) {
        Map<String, Edge> out = new LinkedHashMap<>();
        for (Use u : of(p, ws, content)) {
            if (u.source() != Source.CONTENT) continue;
            String deployment = PlaybookKind.deploymentName(u.from().get().id(), ws);
            out.putIfAbsent(deployment, new Edge(PlaybookKind.INSTANCE.id(), deployment, "uses " + u.what() + " "
                    + u.name() + " that playbook " + u.from().get().template().file() + " creates, at " + u.where()));
        }
        return List.copyOf(out.values());
    }

    /** One line for the plan. */
    static String describe(Use u, WorkspaceConfig ws) {
        return u.what() + " " + u.name() + switch (u.source()) {
            case HERE -> " (deployed with it)";
            case CONTENT -> " (from playbook " + u.from().get().template().file() + ", deployed before it)";
            case OUTSIDE -> " (not in the content: must exist in resource group " + ws.resourceGroup() + ")";
            case UNKNOWN -> " (its name is only known at deployment: must exist in resource group " + ws.resourceGroup() + ")";
        };
    }

    /** Which of another template's resources a use may be. */
    private enum Made { CONNECTION, CUSTOM_API, WORKFLOW }

    private static Use resolve(String what, PlaybookResources.Named use, Playbook self, List<Other> others, Made made) {
        String where = at(self, use.pointer());
        if (use.name().isEmpty()) return new Use(what, use.expression(), Source.UNKNOWN, Optional.empty(), where);
        for (Other o : others) {
            List<PlaybookResources.Named> created = switch (made) {
                case CONNECTION -> o.resources().connections();
                case CUSTOM_API -> o.resources().customApis();
                case WORKFLOW -> o.resources().workflows();
            };
            if (created.stream().anyMatch(c -> c.is(use.name().get()))) {
                return new Use(what, use.name().get(), Source.CONTENT, Optional.of(o.playbook()), where);
            }
        }
        String written = use.expression().trim();
        Optional<String> id = written.toLowerCase(java.util.Locale.ROOT).startsWith("/subscriptions/") ? Optional.of(written)
                : Optional.empty();
        return new Use(what, use.name().get(), Source.OUTSIDE, Optional.empty(), where, id);
    }

    /** Another playbook of the content and what it creates in the workspace. */
    private record Other(Playbook playbook, PlaybookResources resources) {
    }

    /** The content's other playbooks, in file order so the first that creates a name is always the same one. */
    private static List<Other> others(Playbook self, WorkspaceConfig ws, ContentIndex content) {
        List<Other> out = new ArrayList<>();
        for (ContentItem item : content.items(ContentKind.PLAYBOOK)) {
            if (item.id().equalsIgnoreCase(self.id())) continue;
            out.add(new Other((Playbook) item, PlaybookResources.of((Playbook) item, ws.workspace())));
        }
        out.sort(java.util.Comparator.comparing(o -> o.playbook().template().file()));
        return out;
    }

    private static String at(Playbook p, String pointer) {
        Span s = p.template().document().spanOf(pointer, true);
        return p.template().file() + ":" + s.line() + ":" + s.column();
    }
}
