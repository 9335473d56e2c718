package dev.sentinelctl.docs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ATT&CK tactics in kill-chain order, with the short names ATT&CK Navigator uses. */
public final class Tactics {
    private Tactics() {}

    public static final List<String> ORDER = List.of("Reconnaissance", "ResourceDevelopment", "InitialAccess", "Execution",
            "Persistence", "PrivilegeEscalation", "DefenseEvasion", "CredentialAccess", "Discovery", "LateralMovement",
            "Collection", "CommandAndControl", "Exfiltration", "Impact", "ImpairProcessControl", "InhibitResponseFunction",
            "PreAttack");

    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("reconnaissance", "reconnaissance"), Map.entry("resourcedevelopment", "resource-development"),
            Map.entry("initialaccess", "initial-access"), Map.entry("execution", "execution"),
            Map.entry("persistence", "persistence"), Map.entry("privilegeescalation", "privilege-escalation"),
            Map.entry("defenseevasion", "defense-evasion"), Map.entry("credentialaccess", "credential-access"),
            Map.entry("discovery", "discovery"), Map.entry("lateralmovement", "lateral-movement"),
            Map.entry("collection", "collection"), Map.entry("commandandcontrol", "command-and-control"),
            Map.entry("exfiltration", "exfiltration"), Map.entry("impact", "impact"),
            Map.entry("impairprocesscontrol", "impair-process-control"),
            Map.entry("inhibitresponsefunction", "inhibit-response-function"));

    /** The canonical name of a tactic as people write it ("Initial access" → InitialAccess), if it is one. */
    public static Optional<String> canonical(String written) {
        String key = written.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
        return ORDER.stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    public static Optional<String> navigatorName(String tactic) {
        return Optional.ofNullable(SHORT.get(tactic.toLowerCase(Locale.ROOT)));
    }
}
