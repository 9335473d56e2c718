package dev.sentinelctl.content.playbook;

import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Playbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an automation rule's {@code playbook:} names. In this order: a full Logic App resource id
 * ({@code /subscriptions/…/resourceGroups/…/providers/Microsoft.Logic/workflows/<name>}, sent as written); a playbook
 * template file, relative to the rule's folder (any value with a slash or ending in {@code .json}); a playbook's content
 * id; the name of a Logic App a content playbook creates (with its default parameter file). Anything else is an error
 * at the reference: it is neither in the content nor a Logic App id.
 */
public final class PlaybookReferences {
    private static final Pattern LOGIC_APP_ID = Pattern.compile(
            "(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Logic/workflows/[^/]+$");

    private PlaybookReferences() {
    }

    /** What a reference lands on. */
    public sealed interface Target {
    }

    /** A Logic App outside the content, by its full id. */
    public record LogicAppId(String id) implements Target {
    }

    /**
     * A playbook of the content and which of its Logic Apps.
     *
     * @param workflow the index among the template's {@code Microsoft.Logic/workflows} resources
     * @param how      how the reference named it, for messages ("content id", "file", "Logic App name")
     */
    public record InContent(Playbook playbook, int workflow, String how) implements Target {
    }

    /** Nothing, or nothing definite: why, and how to fix it. */
    public record Unresolved(String message, String hint) implements Target {
    }

    public static boolean isLogicAppId(String ref) {
        return LOGIC_APP_ID.matcher(ref.trim()).matches();
    }

    /** @param fromFile the referring file's display path (a file reference is relative to its folder) */
    public static Target resolve(String fromFile, String ref, ContentIndex content) {
        String value = ref.trim();
        if (isLogicAppId(value)) return new LogicAppId(value);
        if (ContentIndex.isPath(value) || value.toLowerCase(Locale.ROOT).endsWith(".json")) {
            String path = ContentIndex.resolve(fromFile, value);
            Optional<ContentItem> hit = content.atPath(path);
            if (hit.isEmpty()) {
                return new Unresolved("'" + value + "' names no playbook file (" + path + " is not in the content)",
                        "Write the template's path relative to this file's folder, or the playbook's content id or "
                                + "Logic App name; check that the file is in the content paths.");
            }
            if (!(hit.get() instanceof Playbook p)) {
                return new Unresolved("'" + value + "' is a " + hit.get().kind().displayName() + ", not a playbook",
                        "Name a playbook template (azuredeploy.json) here.");
            }
            return single(p, value, "file");
        }
        for (ContentItem item : content.items(ContentKind.PLAYBOOK)) {
            if (item.id().equalsIgnoreCase(value)) return single((Playbook) item, value, "content id");
        }
        List<InContent> byName = new ArrayList<>();
        for (ContentItem item : content.items(ContentKind.PLAYBOOK)) {
            Playbook p = (Playbook) item;
            List<PlaybookResources.Named> workflows = PlaybookResources.of(p, null).workflows();
            for (int i = 0; i < workflows.size(); i++) {
                if (workflows.get(i).is(value)) byName.add(new InContent(p, i, "Logic App name"));
            }
        }
        if (byName.size() == 1) return byName.get(0);
        if (byName.size() > 1) {
            return new Unresolved("'" + value + "' is the Logic App name of " + byName.size() + " playbooks ("
                    + String.join(", ", byName.stream().map(b -> b.playbook().template().file()).toList()) + ")",
                    "Name the playbook by its file or content id instead.");
        }
        return new Unresolved("'" + value + "' names no playbook of the content (no content id, file or Logic App "
                + "name matches) and is not a Logic App resource id",
                "Name a playbook of the content by its template file, content id or Logic App name, or write the "
                        + "Logic App's full id (/subscriptions/…/resourceGroups/…/providers/Microsoft.Logic/workflows/…).");
    }

    /** A playbook named as a whole: it must create exactly one Logic App for the action to know which to run. */
    private static Target single(Playbook p, String value, String how) {
        List<PlaybookResources.Named> workflows = PlaybookResources.of(p, null).workflows();
        if (workflows.size() == 1) return new InContent(p, 0, how);
        if (workflows.isEmpty()) {
            return new Unresolved("playbook " + p.template().file() + " ('" + value + "') creates no Logic App, so "
                    + "there is nothing to run", "Name a playbook whose template has a Microsoft.Logic/workflows resource.");
        }
        return new Unresolved("playbook " + p.template().file() + " ('" + value + "') creates " + workflows.size()
                + " Logic Apps (" + String.join(", ", workflows.stream().map(PlaybookResources.Named::shown).toList())
                + "); a RunPlaybook action runs one", "Name the one to run by its Logic App name.");
    }
}
