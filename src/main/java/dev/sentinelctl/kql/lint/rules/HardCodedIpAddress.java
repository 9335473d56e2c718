package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.LiteralKind;
import dev.sentinelctl.report.Severity;
import java.util.regex.Pattern;

/** Public IP addresses written into a query: they change, and belong in a watchlist or TI. */
public final class HardCodedIpAddress implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-hardcoded-ip", "HardCodedIpAddress", Severity.INFO,
            "A public IP address written into the query.",
            "Addresses change and differ per customer; kept in the query, every change is a code change and a "
                    + "redeploy. A watchlist (`_GetWatchlist('…')`) or threat-intelligence indicators keep the rule generic.",
            "CommonSecurityLog | where DestinationIP == \"203.0.113.7\"",
            "let blocked = _GetWatchlist('BlockedIPs') | project SearchKey;\nCommonSecurityLog | where DestinationIP in (blocked)",
            "all");

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}(/\\d{1,2})?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        for (Expr.Literal lit : context.nodes(Expr.Literal.class)) {
            if (lit.kind() != LiteralKind.STRING) continue;
            String v = lit.value().strip();
            if (IPV4.matcher(v).matches() && isPublic(v)) {
                context.report(lit, "hard-coded IP address " + v,
                        "Move addresses to a watchlist and read them with `_GetWatchlist('name')`.");
            }
        }
    }

    static boolean isPublic(String ip) {
        String[] p = ip.split("[./]");
        int a = Integer.parseInt(p[0]);
        int b = Integer.parseInt(p[1]);
        if (a == 10 || a == 127 || a == 0 || a >= 224) return false;
        if (a == 172 && b >= 16 && b <= 31) return false;
        if (a == 192 && b == 168) return false;
        if (a == 169 && b == 254) return false;
        if (a == 100 && b >= 64 && b <= 127) return false;
        return !(a == 255);
    }
}
