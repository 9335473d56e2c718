package dev.sentinelctl.deploy.kinds;

import java.util.Locale;

/**
 * A resource an item uses that is neither in the content nor created by another item of the plan, so it must already
 * exist where it is named (a playbook's API connection in the resource group, an automation rule's Logic App by id).
 * ARM does not check these when the item is written; preflight does, with one GET per distinct id.
 *
 * @param resourceId the full ARM id that must exist
 * @param what       for people: "API connection", "custom connector", "Logic App"
 * @param name       the resource's name as the content writes it
 * @param where      where the content refers to it ({@code file:line:column})
 */
public record ExternalReference(String resourceId, String what, String name, String where) {

    /** An id in the workspace's resource group. */
    public static ExternalReference inResourceGroup(String subscription, String resourceGroup, String type, String what,
            String name, String where) {
        return new ExternalReference("/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup + "/providers/"
                + type + "/" + name, what, name, where);
    }

    /** The resource group named in the id (for messages), or empty. */
    public String resourceGroup() {
        String[] s = resourceId.split("/");
        for (int i = 0; i + 1 < s.length; i++) if (s[i].equalsIgnoreCase("resourceGroups")) return s[i + 1];
        return "";
    }

    /** The api-version a GET of it is sent with: the GA version of its resource type. */
    public String apiVersion() {
        String id = resourceId.toLowerCase(Locale.ROOT);
        if (id.contains("/providers/microsoft.logic/workflows/")) return "2019-05-01";
        if (id.contains("/providers/microsoft.web/sites/")) return "2023-12-01";
        return "2016-06-01"; // Microsoft.Web/connections and customApis
    }

    /** The permission a GET needs, for an error that is a 401/403. */
    public String readPermission() {
        String id = resourceId.toLowerCase(Locale.ROOT);
        if (id.contains("/providers/microsoft.logic/workflows/")) return "Microsoft.Logic/workflows/read";
        if (id.contains("/providers/microsoft.web/sites/")) return "Microsoft.Web/sites/read";
        if (id.contains("/providers/microsoft.web/customapis/")) return "Microsoft.Web/customApis/read";
        return "Microsoft.Web/connections/read";
    }
}
