package dev.sentinelctl.kql.lint;

import dev.sentinelctl.kql.lint.rules.CaseFoldedComparison;
import dev.sentinelctl.kql.lint.rules.ContainsInsteadOfHas;
import dev.sentinelctl.kql.lint.rules.DeprecatedFunction;
import dev.sentinelctl.kql.lint.rules.HardCodedIpAddress;
import dev.sentinelctl.kql.lint.rules.HardCodedTenantId;
import dev.sentinelctl.kql.lint.rules.JoinWithoutKind;
import dev.sentinelctl.kql.lint.rules.JoinWithoutTimeWindow;
import dev.sentinelctl.kql.lint.rules.LatestIndicatorPattern;
import dev.sentinelctl.kql.lint.rules.LookbackBeyondPeriod;
import dev.sentinelctl.kql.lint.rules.MvExpandWithoutLimit;
import dev.sentinelctl.kql.lint.rules.NoTimeFilter;
import dev.sentinelctl.kql.lint.rules.ParseJsonOnDynamic;
import dev.sentinelctl.kql.lint.rules.RegexForPlainText;
import dev.sentinelctl.kql.lint.rules.SummarizeByRawTime;
import dev.sentinelctl.kql.lint.rules.TakeWithoutSort;
import dev.sentinelctl.kql.lint.rules.UnscopedSearch;
import dev.sentinelctl.kql.lint.rules.UnusedLet;
import java.util.List;

/** The registry of KQL best-practice rules. */
public final class LintRules {
    private LintRules() {}

    public static List<LintRule> all() {
        return List.of(new ContainsInsteadOfHas(), new CaseFoldedComparison(), new UnscopedSearch(), new JoinWithoutKind(),
                new JoinWithoutTimeWindow(), new MvExpandWithoutLimit(), new TakeWithoutSort(), new SummarizeByRawTime(),
                new DeprecatedFunction(), new LookbackBeyondPeriod(), new LatestIndicatorPattern(), new RegexForPlainText(),
                new ParseJsonOnDynamic(), new UnusedLet(), new HardCodedIpAddress(), new HardCodedTenantId(), new NoTimeFilter());
    }
}
