package dev.sentinelctl.deploy.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ARM deployments at resource-group level and the resources they create, as ARM serves them:
 * <ul>
 *   <li>{@code PUT …/providers/Microsoft.Resources/deployments/{name}}: the template is validated (400
 *       {@code InvalidTemplate}), the deployment stored as {@code Running} and answered 201 (200 over an existing one)
 *       with {@code Azure-AsyncOperation}; polling that URL runs the deployment: each template resource is created
 *       under its evaluated name (incremental: nothing else is touched), {@code outputResources} lists them and the
 *       status becomes {@code Succeeded};</li>
 *   <li>GET one, GET the collection ({@code value}), DELETE (202, then gone: as in ARM, the resources it created
 *       stay);</li>
 *   <li>GET/list/DELETE of the created {@code Microsoft.Logic/workflows}, {@code Microsoft.Web/connections} and
 *       {@code Microsoft.Web/customApis} (a portal edit or delete in tests goes through the admin-free ARM path).</li>
 * </ul>
 * GET of a deployment does not return its template, as in ARM.
 */
final class DeploymentsEndpoint {
    private static final List<String> SERVED = List.of("microsoft.logic/workflows", "microsoft.web/connections",
            "microsoft.web/customapis");
    private final DeploymentValidator validator = new DeploymentValidator();
    /** By lower-case resource id. */
    private final Map<String, ObjectNode> deployments = new LinkedHashMap<>();
    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    /** Pending runs by operation id: the deployment id and the body it was sent with. */
    private final Map<String, Object[]> operations = new LinkedHashMap<>();
    /** What-if results by operation id, until fetched. */
    private final Map<String, ObjectNode> whatIfs = new LinkedHashMap<>();

    /** True for the paths this endpoint serves. */
    static boolean matches(String rawPath) {
        String[] s = segments(rawPath);
        if (s.length < 7 || !s[0].equals("subscriptions") || !s[2].equals("resourcegroups") || !s[4].equals("providers")) return false;
        String type = s[5] + "/" + s[6];
        return type.equals("microsoft.resources/deployments") || SERVED.contains(type);
    }

    /** How stats name a request: {@code deployments}, {@code whatIf}, {@code operationStatuses}, {@code workflows}, …. */
    static ArmRequestHandler.Label label(String rawPath) {
        String[] s = rawSegments(rawPath);
        if (s.length >= 9) return new ArmRequestHandler.Label(s[8], false);
        return new ArmRequestHandler.Label(s[6], s.length == 7);
    }

    synchronized void handle(HttpExchange ex, byte[] body, String baseUrl, String requestId, Map<String, String> headers)
            throws IOException {
        String rawPath = ex.getRequestURI().getRawPath();
        String[] lower = segments(rawPath);
        String[] s = rawSegments(rawPath);
        String apiVersion = Query.parse(ex.getRequestURI().getRawQuery()).get("api-version");
        if (apiVersion == null || apiVersion.isBlank()) {
            throw new ArmException(400, "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        String method = ex.getRequestMethod();
        String collection = "/subscriptions/" + s[1] + "/resourceGroups/" + s[3] + "/providers/" + s[5] + "/" + s[6];
        boolean isDeployment = lower[6].equals("deployments") && lower[5].equals("microsoft.resources");
        if (isDeployment && !ApiVersions.RESOURCES.contains(apiVersion)) {
            throw new ArmException(400, "InvalidApiVersionParameter", "The api-version '" + apiVersion + "' is invalid "
                    + "for Microsoft.Resources/deployments. The supported versions are '" + String.join(",", ApiVersions.RESOURCES) + "'.");
        }
        Map<String, ObjectNode> store = isDeployment ? deployments : resources;
        if (s.length == 7) {
            if (!method.equals("GET")) throw new ArmException(405, "MethodNotAllowed", "The method " + method + " is not allowed on a collection.");
            ObjectNode list = SandboxJson.object();
            ArrayNode value = list.putArray("value");
            String prefix = collection.toLowerCase(Locale.ROOT) + "/";
            store.forEach((id, r) -> {
                if (id.startsWith(prefix)) value.add(answer(r));
            });
            HttpReply.json(ex, 200, list, requestId, headers);
            return;
        }
        String id = collection + "/" + s[7];
        String key = id.toLowerCase(Locale.ROOT);
        if (isDeployment && s.length == 10 && lower[8].equals("operationstatuses") && method.equals("GET")) {
            HttpReply.json(ex, 200, run(s[9]), requestId, headers);
            return;
        }
        if (isDeployment && s.length == 9 && lower[8].equals("whatif") && method.equals("POST")) {
            ObjectNode request = SandboxJson.parseObject(body);
            validator.validate(request, null);
            String op = UUID.randomUUID().toString();
            whatIfs.put(op, whatIf(request.path("properties"), s[1], s[3]));
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put("Location", baseUrl + id + "/whatIfResults/" + op + "?api-version=" + apiVersion);
            h.put("Retry-After", "0");
            HttpReply.json(ex, 202, null, requestId, h);
            return;
        }
        if (isDeployment && s.length == 10 && lower[8].equals("whatifresults") && method.equals("GET")) {
            ObjectNode result = whatIfs.remove(s[9]);
            if (result == null) throw new ArmException(404, "NotFound", "The what-if result '" + s[9] + "' was not found.");
            HttpReply.json(ex, 200, result, requestId, headers);
            return;
        }
        if (s.length != 8) throw new ArmException(404, "InvalidResourceType", "The sandbox does not serve '" + rawPath + "'.");
        switch (method) {
            case "GET" -> {
                ObjectNode r = store.get(key);
                if (r == null) {
                    throw new ArmException(404, isDeployment ? "DeploymentNotFound" : "ResourceNotFound", isDeployment
                            ? "Deployment '" + s[7] + "' could not be found."
                            : "The Resource '" + s[5] + "/" + s[6] + "/" + s[7] + "' under resource group '" + s[3] + "' was not found.");
                }
                HttpReply.json(ex, 200, answer(r), requestId, headers);
            }
            case "DELETE" -> {
                boolean existed = store.remove(key) != null;
                // ARM: a deployment's delete is accepted (202) and its resources stay; a resource's delete is 200/204
                HttpReply.json(ex, isDeployment ? (existed ? 202 : 204) : (existed ? 200 : 204), null, requestId, headers);
            }
            case "PUT" -> {
                if (!isDeployment) throw new ArmException(405, "MethodNotAllowed", "The sandbox creates " + s[5] + "/" + s[6]
                        + " only through a deployment.");
                ObjectNode request = SandboxJson.parseObject(body);
                validator.validate(request, store.get(key));
                boolean existed = store.containsKey(key);
                ObjectNode stored = SandboxJson.object();
                stored.put("id", id);
                stored.put("name", s[7]);
                stored.put("type", "Microsoft.Resources/deployments");
                if (request.has("tags")) stored.set("tags", request.get("tags").deepCopy());
                ObjectNode p = stored.putObject("properties");
                p.put("provisioningState", "Running");
                p.put("mode", request.path("properties").path("mode").asString());
                p.set("parameters", publicParameters(request.path("properties")));
                p.put("templateHash", Integer.toUnsignedString(request.path("properties").path("template").toString().hashCode()));
                p.put("timestamp", Instant.now().toString());
                p.put("correlationId", requestId);
                p.putArray("outputResources");
                store.put(key, stored);
                String op = UUID.randomUUID().toString();
                operations.put(op, new Object[] {key, request, s[1], s[3]});
                Map<String, String> h = new LinkedHashMap<>(headers);
                h.put("Azure-AsyncOperation", baseUrl + id + "/operationStatuses/" + op + "?api-version=" + apiVersion);
                h.put("Retry-After", "0");
                HttpReply.json(ex, existed ? 200 : 201, stored, requestId, h);
            }
            default -> throw new ArmException(405, "MethodNotAllowed", "The method " + method + " is not allowed on " + s[6] + ".");
        }
    }

    /**
     * What a deployment would do, as ARM's what-if answers: per template resource {@code Create} (absent),
     * {@code Modify} (its properties or tags differ from what the last deployment sent) or {@code NoChange}.
     */
    private ObjectNode whatIf(JsonNode properties, String subscription, String resourceGroup) {
        ObjectNode result = SandboxJson.object();
        result.put("status", "Succeeded");
        ArrayNode changes = result.putObject("properties").putArray("changes");
        JsonNode template = properties.path("template");
        TemplateNames names = new TemplateNames(template, properties.path("parameters"));
        JsonNode rs = template.path("resources");
        for (JsonNode r : rs.values()) {
            String type = r.path("type").asString("");
            int at = type.indexOf('@');
            if (at >= 0) type = type.substring(0, at);
            String id = "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup + "/providers/" + type + "/"
                    + names.evaluate(r.path("name").asString(""));
            ObjectNode existing = resources.get(id.toLowerCase(Locale.ROOT));
            String change = existing == null ? "Create"
                    : existing.path("sent").equals(sent(r, properties.path("parameters"))) ? "NoChange" : "Modify";
            ObjectNode c = changes.addObject();
            c.put("resourceId", id);
            c.put("changeType", change);
        }
        return result;
    }

    /** What a resource was deployed from: its template entry and the parameters (expressions are not evaluated). */
    private static ObjectNode sent(JsonNode resource, JsonNode parameters) {
        ObjectNode s = SandboxJson.object();
        s.set("resource", resource.deepCopy());
        s.set("parameters", parameters.deepCopy());
        return s;
    }

    /** Runs a pending deployment (on its first status poll) and answers its status. */
    private ObjectNode run(String op) {
        Object[] pending = operations.get(op);
        ObjectNode status = SandboxJson.object();
        if (pending == null) throw new ArmException(404, "NotFound", "The operation '" + op + "' was not found.");
        ObjectNode deployment = deployments.get((String) pending[0]);
        ObjectNode request = (ObjectNode) pending[1];
        if (deployment != null && deployment.path("properties").path("provisioningState").asString().equals("Running")) {
            ObjectNode p = (ObjectNode) deployment.get("properties");
            try {
                ArrayNode outputs = p.putArray("outputResources");
                for (ObjectNode r : create(request.path("properties"), (String) pending[2], (String) pending[3])) {
                    outputs.addObject().put("id", r.path("id").asString());
                }
                p.put("provisioningState", "Succeeded");
            } catch (ArmException e) {
                p.put("provisioningState", "Failed");
                ObjectNode error = p.putObject("error");
                error.put("code", e.code());
                error.put("message", e.getMessage());
            }
        }
        String state = deployment == null ? "Canceled" : deployment.path("properties").path("provisioningState").asString();
        status.put("status", state);
        if (deployment != null && deployment.path("properties").has("error")) {
            status.set("error", deployment.path("properties").get("error").deepCopy());
        }
        return status;
    }

    private List<ObjectNode> create(JsonNode properties, String subscription, String resourceGroup) {
        JsonNode template = properties.path("template");
        TemplateNames names = new TemplateNames(template, properties.path("parameters"));
        List<JsonNode> list = new ArrayList<>();
        JsonNode rs = template.path("resources");
        if (rs.isArray()) rs.forEach(list::add);
        else rs.values().forEach(list::add);
        List<ObjectNode> created = new ArrayList<>();
        for (JsonNode r : list) {
            String type = r.path("type").asString("");
            int at = type.indexOf('@');
            if (at >= 0) type = type.substring(0, at);
            String name = names.evaluate(r.path("name").asString(""));
            String id = "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup + "/providers/" + type + "/" + name;
            ObjectNode stored = SandboxJson.object();
            stored.put("id", id);
            stored.put("name", name);
            stored.put("type", type);
            stored.put("location", "westeurope");
            if (r.path("tags").isObject()) stored.set("tags", r.get("tags").deepCopy());
            // kept out of its GET answer's properties; what-if compares with it
            stored.set("sent", sent(r, properties.path("parameters")));
            ObjectNode props = stored.putObject("properties");
            if (r.path("properties").has("state")) props.set("state", r.path("properties").get("state").deepCopy());
            props.put("provisioningState", "Succeeded");
            if (SERVED.contains(type.toLowerCase(Locale.ROOT))) resources.put(id.toLowerCase(Locale.ROOT), stored);
            created.add(stored);
        }
        return created;
    }

    /** A stored resource as ARM shows it (without what the sandbox keeps for what-if). */
    private static ObjectNode answer(ObjectNode stored) {
        ObjectNode r = stored.deepCopy();
        r.remove("sent");
        return r;
    }

    /** ARM returns a deployment's parameters without the values of secure ones. */
    private static ObjectNode publicParameters(JsonNode properties) {
        ObjectNode out = SandboxJson.object();
        JsonNode declared = properties.path("template").path("parameters");
        for (var e : properties.path("parameters").properties()) {
            JsonNode d = DeploymentValidator.find(declared, e.getKey());
            String type = d == null ? "String" : d.path("type").asString("String");
            ObjectNode v = out.putObject(e.getKey());
            v.put("type", type);
            if (!type.toLowerCase(Locale.ROOT).startsWith("secure") && e.getValue().has("value")) v.set("value", e.getValue().get("value").deepCopy());
        }
        return out;
    }

    private static String[] rawSegments(String rawPath) {
        String[] raw = rawPath.replaceAll("^/+|/+$", "").split("/");
        String[] out = new String[raw.length];
        for (int i = 0; i < raw.length; i++) out[i] = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        return out;
    }

    private static String[] segments(String rawPath) {
        String[] s = rawSegments(rawPath);
        for (int i = 0; i < s.length; i++) s[i] = s[i].toLowerCase(Locale.ROOT);
        return s;
    }
}
