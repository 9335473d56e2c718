package dev.sentinelctl.deploy.kinds.playbook;

import dev.sentinelctl.content.playbook.PlaybookTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A playbook as an ARM deployment at resource-group level
 * ({@code Microsoft.Resources/deployments/{name}}): a name fixed by the content id, so a rerun addresses the same
 * deployment instead of piling up {@code Sentinel_Deployment_<guid>}s as Repositories does; an incremental body with
 * the template and the resolved parameters; and tags that record the owner and a hash of what was sent. ARM's GET
 * of a deployment does not return the template, so "unchanged" is "the recorded hash equals the hash of what would be
 * sent now, and the last deployment succeeded".
 */
public final class PlaybookDeployment {
    /** The tag naming the source (repository) that owns the deployment and the workflows it created. */
    public static final String SOURCE_TAG = "sentinelctl-source";
    /** The tag holding {@link #contentHash} of the template and parameters last deployed. */
    public static final String HASH_TAG = "sentinelctl-content-hash";
    /** The tag holding the content id, so the deployment and its workflows can be traced back to the file. */
    public static final String CONTENT_TAG = "sentinelctl-content-id";
    private static final String PREFIX = "sentinelctl-playbook-";

    private PlaybookDeployment() {
    }

    /** {@code sentinelctl-playbook-<content id>}: 57 characters for a GUID id, within ARM's 64. */
    public static String name(String contentId) {
        String n = PREFIX + contentId.toLowerCase(Locale.ROOT);
        return n.length() <= 64 ? n : n.substring(0, 64);
    }

    /** The content id a deployment name was made from, or null when the name is not one of ours. */
    public static String contentIdOf(String deploymentName) {
        return deploymentName.toLowerCase(Locale.ROOT).startsWith(PREFIX) ? deploymentName.substring(PREFIX.length()) : null;
    }

    /** The PUT body: incremental mode (ARM never deletes what the template leaves out), template, parameters, tags. */
    public static ObjectNode body(PlaybookTemplate template, ObjectNode parameters, String source) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode p = body.putObject("properties");
        p.put("mode", "Incremental");
        p.set("template", template.template().deepCopy());
        p.set("parameters", parameters.deepCopy());
        ObjectNode tags = body.putObject("tags");
        tags.put(SOURCE_TAG, source);
        tags.put(CONTENT_TAG, template.contentId());
        tags.put(HASH_TAG, contentHash(template.template(), parameters));
        return body;
    }

    /**
     * The comparable form of a deployment, desired or listed: the hash it records and whether it stands. A failed or
     * cancelled deployment never equals the desired one, so the next plan deploys it again.
     */
    public static ObjectNode normalise(JsonNode deployment) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("contentHash", deployment.path("tags").path(HASH_TAG).asString(""));
        String state = deployment.path("properties").path("provisioningState").asString("Succeeded");
        out.put("deployed", state.equalsIgnoreCase("Succeeded") || state.equalsIgnoreCase("Running")
                || state.equalsIgnoreCase("Accepted"));
        return out;
    }

    /** SHA-256 over the canonical JSON (keys sorted) of the template and the parameters: formatting changes nothing. */
    public static String contentHash(JsonNode template, JsonNode parameters) {
        StringBuilder sb = new StringBuilder();
        canonical(template, sb);
        sb.append('\n');
        canonical(parameters, sb);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void canonical(JsonNode n, StringBuilder sb) {
        if (n == null || n.isMissingNode()) {
            sb.append("null");
        } else if (n.isObject()) {
            List<String> names = new ArrayList<>(n.propertyNames());
            Collections.sort(names);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append(JsonNodeFactory.instance.stringNode(names.get(i))).append(':');
                canonical(n.get(names.get(i)), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) sb.append(',');
                canonical(n.get(i), sb);
            }
            sb.append(']');
        } else if (n.isNumber()) {
            sb.append(n.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            sb.append(n.toString());
        }
    }
}
