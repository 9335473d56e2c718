package dev.sentinelctl.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fingerprint of exactly what applying one change writes or removes: the resource body and ownership metadata a
 * create or update PUTs (with the etag it sends), or the resource and metadata a delete removes. A saved plan stores
 * it for every change so {@code apply --plan} can refuse when the bodies it would send are not the reviewed ones —
 * the plan's text shows field differences, and for a create none at all, so comparing what is displayed is not enough.
 */
public final class ChangeDigest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ChangeDigest() {
    }

    /** {@code sha256:<hex>} of the change's canonical JSON form (object keys sorted, no whitespace). */
    public static String of(Change c) {
        return "sha256:" + sha256(canonical(subject(c)));
    }

    /** What the digest covers; package-visible so a test can show each part matters. */
    static ObjectNode subject(Change c) {
        ObjectNode o = JSON.objectNode();
        o.put("action", c.action().word());
        // The enum constant's name this field held before kinds were a table: saved plans keep their digests.
        o.put("type", c.type().id().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        o.put("id", c.id());
        o.put("metadataName", c.metadataName());
        o.put("writeResource", c.writeResource());
        o.put("writeMetadata", c.writeMetadata());
        if (c.etag() != null) o.put("etag", c.etag());
        DesiredItem d = c.desired();
        if (d != null) {
            o.put("apiVersion", d.resource().apiVersion());
            if (c.writeResource()) o.set("resource", d.body());
            if (c.writeMetadata()) o.set("metadata", d.metadata().properties());
        }
        return o;
    }

    static String canonical(JsonNode n) {
        StringBuilder out = new StringBuilder();
        write(n, out);
        return out.toString();
    }

    private static void write(JsonNode n, StringBuilder out) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            out.append("null");
        } else if (n.isObject()) {
            List<String> names = new ArrayList<>(n.propertyNames());
            Collections.sort(names);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) out.append(',');
                out.append(JSON.stringNode(names.get(i)).toString()).append(':');
                write(n.get(names.get(i)), out);
            }
            out.append('}');
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) out.append(',');
                write(n.get(i), out);
            }
            out.append(']');
        } else {
            out.append(n.toString());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
