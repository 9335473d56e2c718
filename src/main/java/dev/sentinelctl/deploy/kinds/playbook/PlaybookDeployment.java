package dev.sentinelctl.deploy.kinds.playbook;

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
 * How a playbook's ARM deployment ({@code Microsoft.Resources/deployments/{content id}}) is compared: ARM's GET of a
 * deployment does not return the template, so the deployment's tags record a hash of the template and parameters
 * sent, and "unchanged" is "the recorded hash equals the hash of what would be sent now, and the deployment stands".
 */
public final class PlaybookDeployment {
    /** The tag holding {@link #contentHash} of the template and parameters last deployed. */
    public static final String HASH_TAG = "sentinelctl-content-hash";
    /** The tag holding the content id, so the deployment and its workflows can be traced back to the file. */
    public static final String CONTENT_TAG = "sentinelctl-content-id";

    private PlaybookDeployment() {
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
