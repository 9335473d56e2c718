package dev.sentinelctl.arm;

import dev.sentinelctl.content.Playbook;
import dev.sentinelctl.content.ContentItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes templates for content items: one per item at the item's relative path with {@code .json}, or with
 * {@code bundle} one per folder named after the folder. Names of resources come from content ids only, so
 * building twice gives byte-identical files and a redeploy updates the same resources.
 */
public final class ArmBuild {

    /** An item to build and its YAML path relative to the folder given to build (forward slashes). */
    public record Input(ContentItem item, String relativePath) {}

    public record Options(Path out, boolean bundle, ArmTemplate.Options template) {}

    /** A template written: its file, how many items and resources it holds, and its size. */
    public record Written(Path file, int items, int resources, long bytes) {
        /** ARM rejects templates over 4 MB or with more than 800 resources. */
        public boolean overArmLimits() {
            return bytes > 4L * 1024 * 1024 || resources > 800;
        }
    }

    private final ArmTemplate templates;
    private final Options options;

    public ArmBuild(ArmResources resources, Options options) {
        this.templates = new ArmTemplate(resources, options.template());
        this.options = options;
    }

    public List<Written> write(List<Input> inputs) {
        List<Written> out = new ArrayList<>();
        // A playbook already is an ARM template: copied as it is, with its parameter files, never bundled.
        for (Input in : inputs) if (in.item() instanceof Playbook p) out.add(copy(p, in.relativePath()));
        out.addAll(writeTemplates(inputs.stream().filter(in -> !(in.item() instanceof Playbook)).toList(), inputs));
        return out;
    }

    private Written copy(Playbook p, String relativePath) {
        Path source = p.parameterFiles().repositoryRoot().resolve(p.templateRelative());
        Path target = options.out().resolve(relativePath);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String base = source.getFileName().toString().replaceFirst("(?i)\\.json$", "").toLowerCase(java.util.Locale.ROOT);
            try (var siblings = Files.list(source.getParent())) {
                for (Path f : siblings.toList()) {
                    String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                    if (n.startsWith(base + ".parameters") && n.endsWith(".json")) {
                        Files.copy(f, target.resolveSibling(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return new Written(target, 1, p.template().resourceTypes().size(), Files.size(target));
        } catch (IOException x) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target + ": " + x.getMessage(), x);
        }
    }

    private List<Written> writeTemplates(List<Input> inputs, List<Input> all) {
        // Every item, playbooks included, so an automation rule's playbook reference by file resolves.
        dev.sentinelctl.content.ContentIndex content = dev.sentinelctl.content.ContentIndex.of(
                all.stream().map(Input::item).toList());
        Map<String, List<Input>> byTarget = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Input in : inputs) {
            String target = options.bundle() ? bundleName(in.relativePath()) : unique(jsonName(in.relativePath()), taken);
            byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(in);
        }
        // Folders first, once each: creating them per file costs a stat per path element per file.
        Set<Path> dirs = new java.util.TreeSet<>();
        for (String target : byTarget.keySet()) dirs.add(options.out().resolve(target).getParent());
        try {
            for (Path d : dirs) Files.createDirectories(d);
        } catch (IOException x) {
            throw new UncheckedIOException("cannot create " + x.getMessage(), x);
        }
        return byTarget.entrySet().parallelStream().map(e -> {
            List<ArmTemplate.Entry> entries = e.getValue().stream()
                    .map(in -> new ArmTemplate.Entry(in.item(), in.relativePath())).toList();
            tools.jackson.databind.node.ObjectNode template = templates.build(entries, content);
            byte[] json = ArmTemplate.toJson(template).getBytes(StandardCharsets.UTF_8);
            Path file = options.out().resolve(e.getKey());
            try {
                Files.write(file, json);
            } catch (IOException x) {
                throw new UncheckedIOException("cannot write " + file + ": " + x.getMessage(), x);
            }
            return new Written(file, entries.size(), template.get("resources").size(), json.length);
        }).toList();
    }

    static String jsonName(String relativeYaml) {
        int dot = relativeYaml.lastIndexOf('.');
        int slash = relativeYaml.lastIndexOf('/');
        return (dot > slash ? relativeYaml.substring(0, dot) : relativeYaml) + ".json";
    }

    /** {@code Detections/SigninLogs/x.yaml} → {@code Detections/SigninLogs/SigninLogs.json}. */
    static String bundleName(String relativeYaml) {
        int slash = relativeYaml.lastIndexOf('/');
        if (slash < 0) return "content.json";
        String dir = relativeYaml.substring(0, slash);
        return dir + "/" + dir.substring(dir.lastIndexOf('/') + 1) + ".json";
    }

    /** {@code a.yaml} and {@code a.yml} side by side both want {@code a.json}; the second gets {@code a.yml.json}. */
    private static String unique(String name, Set<String> taken) {
        if (taken.add(name.toLowerCase(java.util.Locale.ROOT))) return name;
        String alt = name.substring(0, name.length() - 5);
        int n = 2;
        while (!taken.add((alt + "-" + n + ".json").toLowerCase(java.util.Locale.ROOT))) n++;
        return alt + "-" + n + ".json";
    }
}
