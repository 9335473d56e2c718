package dev.sentinelctl.arm;

/**
 * How an automation rule's references become resource ids: in a template, {@code resourceId()} expressions over the
 * template's {@code workspace} parameter; in a deployment, the target workspace's full ids. The rule ids given are
 * content ids (file references are resolved before).
 */
public interface ReferenceIds {
    /** The resource id of an analytic rule. */
    String analyticRule(String ruleId);

    /** The resource id of the Logic App named {@code name} that a content playbook creates. */
    String playbook(String name);

    /**
     * The workspace whose parameter files name a content playbook's Logic App (its resource name, as the playbook kind
     * chooses parameter files), or null for the default parameter file (a template, which has no workspace).
     */
    default String workspace() {
        return null;
    }

    /** Template expressions, as Repositories and portal exports write them. */
    ReferenceIds TEMPLATE = new ReferenceIds() {
        @Override
        public String analyticRule(String ruleId) {
            return "[resourceId('Microsoft.OperationalInsights/workspaces/providers/alertRules', parameters('workspace'), "
                    + "'Microsoft.SecurityInsights', '" + ruleId.replace("'", "''") + "')]";
        }

        @Override
        public String playbook(String name) {
            return "[resourceId('Microsoft.Logic/workflows', '" + name.replace("'", "''") + "')]";
        }
    };
}
