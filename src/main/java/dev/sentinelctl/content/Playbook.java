package dev.sentinelctl.content;

import dev.sentinelctl.content.playbook.ParameterFiles;
import dev.sentinelctl.content.playbook.PlaybookTemplate;
import java.util.List;

/**
 * A playbook as content: its template and how its parameter files are found. It has no query, tactics or entity
 * mappings (the {@link ContentItem} accessors answer empty), so query checks pass it by.
 *
 * @param template         the template as read
 * @param parameterFiles   where its parameter files are looked for (the repository root with
 *                         {@code sentinel-deployment.config}'s mappings, else the template's folder)
 * @param templateRelative the template's path relative to {@code parameterFiles.repositoryRoot()}
 */
public record Playbook(PlaybookTemplate template, ParameterFiles parameterFiles, String templateRelative)
        implements QuerylessItem {

    @Override
    public ContentKind kind() {
        return ContentKind.PLAYBOOK;
    }

    @Override
    public String id() {
        return template.contentId();
    }

    @Override
    public String name() {
        return template.displayName();
    }

    @Override
    public String description() {
        return template.template().path("metadata").path("description").asString("");
    }






    @Override
    public String version() {
        return template.template().path("contentVersion").asString("");
    }

    @Override
    public YamlDocument document() {
        return template.document();
    }
}
