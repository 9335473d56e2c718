package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Playbook;
import dev.sentinelctl.content.playbook.PlaybookReferences;
import dev.sentinelctl.content.ContentRef;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * References between content items across the tree (an automation rule's {@code analyticRules}): a file reference must
 * name a content file of the right kind; an id reference of the wrong kind is an error; an id that is not in the
 * content is noted, since it may exist in the workspace (plan fails there when it does not). A RunPlaybook action's
 * {@code playbook} must name a playbook of the content or be a full Logic App id ({@link PlaybookReferences}).
 */
final class ReferenceChecks {

    List<Diagnostic> check(List<FileResult> results) {
        Map<String, ItemIdentity> byPath = new HashMap<>();
        Map<String, ItemIdentity> byId = new HashMap<>();
        for (FileResult r : results) {
            r.identity().ifPresent(item -> {
                byPath.put(ContentIndex.normalise(item.displayPath()), item);
                if (!item.id().isBlank()) byId.putIfAbsent(item.id().toLowerCase(Locale.ROOT), item);
            });
        }
        List<Diagnostic> out = new ArrayList<>();
        ContentIndex playbooks = null;
        for (FileResult r : results) {
            if (r.identity().isEmpty()) continue;
            ItemIdentity from = r.identity().get();
            for (ContentRef ref : from.references()) {
                if (ref.kind() == ContentKind.PLAYBOOK) {
                    if (playbooks == null) playbooks = playbooks(results);
                    if (PlaybookReferences.resolve(from.displayPath(), ref.value(), playbooks)
                            instanceof PlaybookReferences.Unresolved u) {
                        ItemIdentity other = byPath.get(ContentIndex.resolve(from.displayPath(), ref.value()));
                        out.add(other != null && other.kind() != ContentKind.PLAYBOOK
                                ? at(from, ref, "REF-wrong-kind", Severity.ERROR, "'" + ref.value() + "' is a "
                                        + other.kind().displayName() + " (" + other.displayPath() + "), not a playbook",
                                        "Name a playbook template (azuredeploy.json) here.")
                                : at(from, ref, "REF-playbook", Severity.ERROR, u.message(), u.hint()));
                    }
                    continue;
                }
                ItemIdentity target;
                if (ContentIndex.isPath(ref.value())) {
                    String resolved = ContentIndex.resolve(from.displayPath(), ref.value());
                    target = byPath.get(resolved);
                    if (target == null) {
                        out.add(at(from, ref, "REF-missing", Severity.ERROR, "'" + ref.value() + "' names no content file ("
                                + resolved + " is not in the checked paths)", "Write the path relative to this file's "
                                + "folder, or the " + ref.kind().displayName() + "'s id; check that the file is in the content paths."));
                        continue;
                    }
                } else {
                    target = byId.get(ref.value().toLowerCase(Locale.ROOT));
                    if (target == null) {
                        out.add(at(from, ref, "REF-not-in-content", Severity.INFO, ref.kind().displayName() + " "
                                + ref.value() + " is not in the content; plan requires it to exist in each workspace",
                                "Add the " + ref.kind().displayName() + " to the content, or make sure every workspace has it."));
                        continue;
                    }
                }
                if (target.kind() != ref.kind()) {
                    out.add(at(from, ref, "REF-wrong-kind", Severity.ERROR, "'" + ref.value() + "' is a "
                            + target.kind().displayName() + " (" + target.displayPath() + "), not an "
                            + ref.kind().displayName(), "Refer to an " + ref.kind().displayName() + " here."));
                }
            }
        }
        return out;
    }

    /** The content's playbooks, which a playbook reference may name by file, content id or Logic App name. */
    private static ContentIndex playbooks(List<FileResult> results) {
        List<Playbook> out = new ArrayList<>();
        for (FileResult r : results) r.identity().flatMap(ItemIdentity::playbook).ifPresent(out::add);
        return ContentIndex.of(out);
    }

    private static Diagnostic at(ItemIdentity from, ContentRef ref, String rule, Severity severity, String message,
            String hint) {
        return new Diagnostic(rule, severity, from.displayPath(), ref.span().line(), ref.span().column(),
                ref.span().endLine(), ref.span().endColumn(), message, hint);
    }
}
