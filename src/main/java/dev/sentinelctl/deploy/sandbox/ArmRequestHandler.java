package dev.sentinelctl.deploy.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns an authenticated ARM request into an {@link ArmOperations} call: routing, api-version, method and body.
 * Faults and authentication are handled before this, in {@link SandboxHandler}.
 */
final class ArmRequestHandler {
    private final ArmOperations operations;
    private final int pageSize;

    ArmRequestHandler(ArmOperations operations, int pageSize) {
        this.operations = operations;
        this.pageSize = pageSize;
    }

    /** How stats name a request: resource label and whether it addresses a collection (a GET there is a LIST). */
    record Label(String resource, boolean collection) {
    }

    /** From the path alone, so even rejected requests are counted by resource type. */
    static Label label(String rawPath) {
        if (DeploymentsEndpoint.matches(rawPath)) return DeploymentsEndpoint.label(rawPath);
        ArmPath.WorkspaceData data = ArmPath.parseData(rawPath);
        if (data != null) {
            return data.kind() == ArmPath.WorkspaceData.Kind.QUERY ? new Label("query", false)
                    : new Label("tables", data.name() == null);
        }
        if (ArmPath.parseOperation(rawPath) != null) return new Label("operations", false);
        ArmPath path = ArmPath.parse(rawPath);
        if (path == null) {
            return new Label(ArmPath.parseWorkspace(rawPath) == null ? "other" : "workspaces", false);
        }
        return new Label(path.kind().typeName(), path.isCollection());
    }

    ArmResult handle(HttpExchange ex, byte[] body, String baseUrl) {
        String rawPath = ex.getRequestURI().getRawPath();
        Query query = Query.parse(ex.getRequestURI().getRawQuery());
        String apiVersion = query.get("api-version");
        if (apiVersion == null || apiVersion.isBlank()) {
            throw new ArmException(400, "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        ArmPath.Operation operation = ArmPath.parseOperation(rawPath);
        if (operation != null) {
            if (!ex.getRequestMethod().equals("GET")) throw methodNotAllowed(ex.getRequestMethod(), "an operation; poll it with GET");
            return operations.operation(operation);
        }
        ArmPath.WorkspaceData data = ArmPath.parseData(rawPath);
        if (data != null) {
            return workspaceData(ex.getRequestMethod(), data, apiVersion, body);
        }
        ArmPath path = ArmPath.parse(rawPath);
        WorkspaceRef workspace = path == null ? ArmPath.parseWorkspace(rawPath) : null;
        if (workspace != null) {
            return workspace(ex.getRequestMethod(), workspace, apiVersion, body);
        }
        if (path == null) {
            throw new ArmException(404, "InvalidResourceType", "The sandbox does not serve '" + rawPath
                    + "'. It serves .../workspaces/{ws}/providers/Microsoft.SecurityInsights/alertRules|metadata|watchlists[/{name}]"
                    + ", .../workspaces/{ws}/savedSearches[/{name}], .../workspaces/{ws}/tables[/{name}] and "
                    + ".../workspaces/{ws}/api/query, and .../resourceGroups/{rg}/providers/Microsoft.Insights/workbooks[/{name}].");
        }
        if (!path.kind().apiVersions().contains(apiVersion)) {
            throw new ArmException(400, "InvalidApiVersionParameter", "The api-version '" + apiVersion
                    + "' is invalid for " + path.kind().armType() + ". The supported versions are '"
                    + String.join(",", path.kind().apiVersions()) + "'.");
        }
        String method = ex.getRequestMethod();
        if (path.isCollection()) {
            if (!method.equals("GET")) {
                throw methodNotAllowed(method, "a collection; use GET to list, or PUT/DELETE on .../" 
                        + path.kind().typeName() + "/{name}");
            }
            String filters = path.kind().has(SandboxResourceType.Trait.CATEGORY_LIST)
                    ? "&category=" + enc(query.get("category") == null ? "" : query.get("category"))
                    + "&canFetchContent=" + enc(query.get("canFetchContent") == null ? "false" : query.get("canFetchContent"))
                    : "";
            return operations.list(path.collection(), query.get("$skipToken"), pageSize,
                    token -> baseUrl + rawPath + "?api-version=" + enc(apiVersion) + filters + "&$skipToken=" + enc(token), query);
        }
        return switch (method) {
            case "GET" -> operations.get(path);
            case "PUT" -> operations.put(path, SandboxJson.parseObject(body),
                    preconditions(ex));
            case "PATCH" -> operations.patch(path, SandboxJson.parseObject(body),
                    preconditions(ex));
            case "DELETE" -> operations.delete(path);
            default -> throw methodNotAllowed(method, "a resource; use GET, PUT, PATCH (metadata) or DELETE");
        };
    }

    private ArmResult workspace(String method, WorkspaceRef ws, String apiVersion, byte[] body) {
        if (!ApiVersions.OPERATIONAL_INSIGHTS.contains(apiVersion)) {
            throw new ArmException(400, "InvalidApiVersionParameter", "The api-version '" + apiVersion
                    + "' is invalid for Microsoft.OperationalInsights/workspaces. The supported versions are '"
                    + String.join(",", ApiVersions.OPERATIONAL_INSIGHTS) + "'.");
        }
        return switch (method) {
            case "GET" -> operations.getWorkspace(ws);
            case "PUT" -> operations.putWorkspace(ws, SandboxJson.parseObject(body));
            default -> throw methodNotAllowed(method, "a workspace; the sandbox supports GET and PUT");
        };
    }

    /** Tables (GET) and the query endpoint (POST), with the api versions the service takes for them. */
    private ArmResult workspaceData(String method, ArmPath.WorkspaceData data, String apiVersion, byte[] body) {
        boolean query = data.kind() == ArmPath.WorkspaceData.Kind.QUERY;
        java.util.List<String> versions = query ? ApiVersions.LOG_ANALYTICS_QUERY : ApiVersions.OPERATIONAL_INSIGHTS;
        if (!versions.contains(apiVersion)) {
            throw new ArmException(400, "InvalidApiVersionParameter", "The api-version '" + apiVersion + "' is invalid for "
                    + (query ? "the Log Analytics query API" : "Microsoft.OperationalInsights/workspaces/tables")
                    + ". The supported versions are '" + String.join(",", versions) + "'.");
        }
        if (query) {
            if (!method.equals("POST")) throw methodNotAllowed(method, "the query API; the sandbox takes POST with a JSON body");
            return operations.query(data.workspace(), SandboxJson.parseObject(body));
        }
        if (!method.equals("GET")) throw methodNotAllowed(method, "tables; the sandbox serves GET only");
        return data.name() == null ? operations.listTables(data.workspace()) : operations.getTable(data.workspace(), data.name());
    }

    private static ArmOperations.Preconditions preconditions(HttpExchange ex) {
        return new ArmOperations.Preconditions(ex.getRequestHeaders().getFirst("If-Match"),
                ex.getRequestHeaders().getFirst("If-None-Match"));
    }

    private static ArmException methodNotAllowed(String method, String what) {
        return new ArmException(405, "MethodNotAllowed", "The method " + method + " is not allowed on " + what + ".");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
