package dev.sentinelctl.deploy.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A parsed ARM request path: a workspace, a resource type and, for single-resource calls, a name.
 * Path segments match case-insensitively, as ARM does (the loganalytics SDK sends {@code resourcegroups}).
 */
record ArmPath(WorkspaceRef workspace, SandboxResourceType kind, String name, ArmPath parent) {

    ArmPath(WorkspaceRef workspace, SandboxResourceType kind, String name) {
        this(workspace, kind, name, null);
    }

    /** The collection the resource lives in (its parent's child collection for a child type). */
    ArmPath collection() {
        return new ArmPath(workspace, kind, null, parent);
    }

    boolean isCollection() {
        return name == null;
    }

    /** The ARM resource id, with the canonical casing of the provider parts and the caller's casing of names. */
    String resourceId() {
        return collectionPath() + "/" + name;
    }

    String collectionPath() {
        WorkspaceRef ws = workspace;
        if (parent != null) {
            return parent.resourceId() + "/" + kind.typeName();
        }
        if (kind.has(SandboxResourceType.Trait.RESOURCE_GROUP_CHILD)) {
            return "/subscriptions/" + ws.subscriptionId() + "/resourceGroups/" + ws.resourceGroup() + "/providers/"
                    + kind.armType();
        }
        if (kind.sentinel()) {
            return ws.resourceId() + "/providers/" + kind.armType();
        }
        // Log Analytics itself answers with lower-case "resourcegroups" in saved-search ids.
        return "/subscriptions/" + ws.subscriptionId() + "/resourcegroups/" + ws.resourceGroup()
                + "/providers/Microsoft.OperationalInsights/workspaces/" + ws.workspace() + "/" + kind.typeName();
    }

    /**
     * The workspace name of a resource-group child's path: resources beside the workspaces are stored per resource
     * group, under this name, which no workspace can have (workspace names are letters, digits and hyphens).
     */
    static final String RESOURCE_GROUP = "(resource group)";

    /** Returns null when the path is not one of the sandbox's resource paths. */
    static ArmPath parse(String rawPath) {
        String[] s = segments(rawPath);
        if (s != null && (s.length == 7 || s.length == 8) && is(s[0], "subscriptions") && is(s[2], "resourcegroups")
                && is(s[4], "providers")) {
            SandboxResourceType kind = SandboxResourceType.fromSegment(Served.TYPES, s[5], s[6]);
            if (kind == null || !kind.has(SandboxResourceType.Trait.RESOURCE_GROUP_CHILD)) return null;
            return new ArmPath(new WorkspaceRef(s[1], s[3], RESOURCE_GROUP), kind, s.length == 8 ? s[7] : null);
        }
        if (s == null || s.length < 9 || !isWorkspacePrefix(s)) {
            return null;
        }
        int n = s.length;
        WorkspaceRef ws = new WorkspaceRef(s[1], s[3], s[7]);
        if (is(s[8], "providers")) {
            if (n == 13 || n == 14) {
                // A child collection: .../providers/NS/{type}/{name}/{childType}[/{childName}]
                SandboxResourceType parentKind = SandboxResourceType.fromSegment(Served.TYPES, s[9], s[10]);
                SandboxResourceType child = SandboxResourceType.fromSegment(Served.TYPES, s[9], s[12]);
                if (parentKind == null || child == null || !child.has(SandboxResourceType.Trait.CHILD)
                        || parentKind.has(SandboxResourceType.Trait.CHILD)) {
                    return null;
                }
                return new ArmPath(ws, child, n == 14 ? s[13] : null, new ArmPath(ws, parentKind, s[11]));
            }
            if (n < 11 || n > 12) {
                return null;
            }
            SandboxResourceType kind = SandboxResourceType.fromSegment(Served.TYPES, s[9], s[10]);
            return kind == null || !kind.sentinel() || kind.has(SandboxResourceType.Trait.CHILD) ? null : new ArmPath(ws, kind, n == 12 ? s[11] : null);
        }
        if (n > 10) {
            return null;
        }
        SandboxResourceType kind = SandboxResourceType.fromSegment(Served.TYPES, "Microsoft.OperationalInsights", s[8]);
        return kind == null ? null : new ArmPath(ws, kind, n == 10 ? s[9] : null);
    }

    /**
     * A Log Analytics path below a workspace that is not a stored resource: {@code .../workspaces/{ws}/tables[/{name}]}
     * or {@code .../workspaces/{ws}/api/query}; null for any other path.
     */
    static WorkspaceData parseData(String rawPath) {
        String[] s = segments(rawPath);
        if (s == null || s.length < 9 || s.length > 10 || !isWorkspacePrefix(s)) {
            return null;
        }
        WorkspaceRef ws = new WorkspaceRef(s[1], s[3], s[7]);
        if (is(s[8], "tables")) {
            return new WorkspaceData(ws, WorkspaceData.Kind.TABLES, s.length == 10 ? s[9] : null);
        }
        if (s.length == 10 && is(s[8], "api") && is(s[9], "query")) {
            return new WorkspaceData(ws, WorkspaceData.Kind.QUERY, null);
        }
        return null;
    }

    /**
     * An async operation's status ({@code /subscriptions/{s}/providers/Microsoft.SecurityInsights/operationStatuses/{id}})
     * or result ({@code .../operationResults/{id}}); null for any other path.
     */
    static Operation parseOperation(String rawPath) {
        String[] s = segments(rawPath);
        if (s == null || s.length != 6 || !is(s[0], "subscriptions") || !is(s[2], "providers")
                || !is(s[3], "microsoft.securityinsights")) {
            return null;
        }
        if (is(s[4], "operationstatuses")) return new Operation(s[1], s[5], false);
        if (is(s[4], "operationresults")) return new Operation(s[1], s[5], true);
        return null;
    }

    /** @param result the Location form (202 while running, 200 when done) rather than the status document */
    record Operation(String subscription, String id, boolean result) {
    }

    /** A workspace's tables (a collection, or one by name) or its query endpoint. */
    record WorkspaceData(WorkspaceRef workspace, Kind kind, String name) {
        enum Kind { TABLES, QUERY }
    }

    /** The workspace itself ({@code .../workspaces/{ws}}), or null for any other path. */
    static WorkspaceRef parseWorkspace(String rawPath) {
        String[] s = segments(rawPath);
        return s != null && s.length == 8 && isWorkspacePrefix(s) ? new WorkspaceRef(s[1], s[3], s[7]) : null;
    }

    private static boolean isWorkspacePrefix(String[] s) {
        return is(s[0], "subscriptions") && is(s[2], "resourcegroups") && is(s[4], "providers")
                && is(s[5], "microsoft.operationalinsights") && is(s[6], "workspaces");
    }

    /** Decoded path segments without the leading empty one; null when a segment is empty. */
    private static String[] segments(String rawPath) {
        String[] raw = rawPath.split("/", -1);
        if (raw.length < 2 || !raw[0].isEmpty()) {
            return null;
        }
        int n = raw.length - 1;
        if (raw[n].isEmpty()) {
            n--; // a trailing slash is tolerated
        }
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = URLDecoder.decode(raw[i + 1].replace("+", "%2B"), StandardCharsets.UTF_8);
            if (s[i].isEmpty()) {
                return null;
            }
        }
        return s;
    }

    private static boolean is(String segment, String expected) {
        return segment.toLowerCase(Locale.ROOT).equals(expected);
    }
}
