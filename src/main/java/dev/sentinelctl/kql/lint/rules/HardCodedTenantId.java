package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.QueryTools;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.report.Severity;

/** A tenant id compared as a literal: the rule only works in one customer's tenant. */
public final class HardCodedTenantId implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-hardcoded-tenant", "HardCodedTenantId", Severity.WARNING,
            "A tenant id written into the query.",
            "A literal tenant id ties the rule to one tenant: deployed elsewhere it silently matches nothing or the "
                    + "wrong thing. Keep tenant-specific values in a watchlist or per-workspace exclusion parameters.",
            "SigninLogs | where HomeTenantId != \"72f988bf-86f1-41af-91ab-2d7cd011db47\"",
            "let home = toscalar(_GetWatchlist('Tenants') | where Role == 'home' | project SearchKey);\nSigninLogs | where HomeTenantId != home",
            "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        for (Expr.Binary b : context.nodes(Expr.Binary.class)) {
            if (isTenantColumn(b.left()) && QueryTools.stringValue(b.right()).filter(ContentGuid::isGuid).isPresent()) {
                context.report(b.right(), "tenant id hard-coded in a comparison with " + context.text(b.left()),
                        "Move tenant ids to a watchlist or a per-workspace exclusion parameter.");
            }
        }
        for (Expr.InList in : context.nodes(Expr.InList.class)) {
            if (!isTenantColumn(in.left())) continue;
            for (Expr v : in.values().items()) {
                if (QueryTools.stringValue(v).filter(ContentGuid::isGuid).isPresent()) {
                    context.report(v, "tenant id hard-coded in a list compared with " + context.text(in.left()),
                            "Move tenant ids to a watchlist or a per-workspace exclusion parameter.");
                }
            }
        }
    }

    private static boolean isTenantColumn(Expr e) {
        String name = e instanceof Expr.NameRef ref ? ref.simpleName()
                : e instanceof Expr.MemberAccess m && m.member() instanceof Expr.NameRef r ? r.simpleName() : "";
        return name.toLowerCase(java.util.Locale.ROOT).contains("tenantid");
    }

    /** GUID text check shared with nothing else in lint. */
    static final class ContentGuid {
        static boolean isGuid(String s) {
            return s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        }
    }
}
