package dev.sentinelctl.content.playbook;

import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Microsoft Sentinel Repositories' {@code sentinel-deployment.config} (JSON at the repository root):
 * {@code prioritizedcontentfiles[]} deploy first in list order, {@code excludecontentfiles[]} are path prefixes never
 * deployed, {@code parameterfilemappings{workspaceId:{template:parameterFile}}}. Keys are matched case-insensitively
 * and unknown keys ignored, as the deploy script does (the samples carry a {@code DummySection}).
 */
public final class RepositoriesConfigFile {

    /**
     * @param prioritized the files to deploy first, in order
     * @param excluded    path prefixes not to deploy
     * @param mappings    workspace id → template path → parameter file path
     * @param ignoredKeys keys the script ignores (reported by import)
     */
    public record Read(List<String> prioritized, List<String> excluded, Map<String, Map<String, String>> mappings,
            List<String> ignoredKeys, List<Diagnostic> diagnostics) {
        static Read empty(List<Diagnostic> diagnostics) {
            return new Read(List.of(), List.of(), Map.of(), List.of(), diagnostics);
        }
    }

    private RepositoriesConfigFile() {
    }

    public static Read read(Path file, String displayPath) {
        if (!Files.isRegularFile(file)) return Read.empty(List.of());
        YamlLoader.Result loaded = new YamlLoader().load(file, displayPath);
        if (loaded.document().isEmpty()) return Read.empty(loaded.diagnostics());
        YamlDocument doc = loaded.document().get();
        List<Diagnostic> out = new ArrayList<>();
        if (!doc.root().isObject()) {
            out.add(at(doc, "", "sentinel-deployment.config must be a JSON object"));
            return Read.empty(out);
        }
        List<String> prioritized = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        Map<String, Map<String, String>> mappings = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (var e : doc.root().properties()) {
            String key = e.getKey();
            String pointer = Pointers.of(key);
            switch (key.toLowerCase(java.util.Locale.ROOT)) {
                case "prioritizedcontentfiles" -> strings(doc, pointer, e.getValue(), prioritized, out);
                case "excludecontentfiles" -> strings(doc, pointer, e.getValue(), excluded, out);
                case "parameterfilemappings" -> {
                    if (!e.getValue().isObject()) {
                        out.add(at(doc, pointer, "parameterfilemappings must be an object {workspaceId: {template: parameterFile}}"));
                        continue;
                    }
                    for (var ws : e.getValue().properties()) {
                        Map<String, String> files = new LinkedHashMap<>();
                        if (!ws.getValue().isObject()) {
                            out.add(at(doc, pointer + Pointers.of(ws.getKey()), "the mappings of workspace " + ws.getKey()
                                    + " must be an object {template: parameterFile}"));
                            continue;
                        }
                        for (var m : ws.getValue().properties()) {
                            if (m.getValue().isString()) files.put(m.getKey(), m.getValue().asString());
                            else out.add(at(doc, pointer + Pointers.of(ws.getKey(), m.getKey()), "a parameter file path must be a string"));
                        }
                        mappings.put(ws.getKey(), files);
                    }
                }
                default -> ignored.add(key);
            }
        }
        return new Read(prioritized, excluded, mappings, ignored, out);
    }

    private static void strings(YamlDocument doc, String pointer, JsonNode node, List<String> into, List<Diagnostic> out) {
        if (!node.isArray()) {
            out.add(at(doc, pointer, "must be a list of paths"));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isString()) into.add(node.get(i).asString());
            else out.add(at(doc, pointer + Pointers.of(i), "a path must be a string"));
        }
    }

    private static Diagnostic at(YamlDocument doc, String pointer, String message) {
        Span span = doc.spanOf(pointer, true);
        return new Diagnostic("REPOSITORIES-config", Severity.ERROR, doc.source().displayPath(), span.line(), span.column(),
                span.endLine(), span.endColumn(), message, "Write it as Repositories documents it: {\"prioritizedcontentfiles\": [], "
                        + "\"excludecontentfiles\": [], \"parameterfilemappings\": {\"<workspace id>\": {\"<template>\": \"<parameter file>\"}}}.");
    }
}
