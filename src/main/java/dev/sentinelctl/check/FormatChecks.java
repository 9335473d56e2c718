package dev.sentinelctl.check;

import dev.sentinelctl.schema.AttackMatrix;
import dev.sentinelctl.schema.ContentRules;
import dev.sentinelctl.schema.SchemaValidator;
import java.util.List;

/**
 * The checks a file must pass to be built or deployed (validate without the binder): content rules, entity rules and
 * KQL syntax. One definition for build, import, roundtrip and the deploy run.
 */
public final class FormatChecks {
    private FormatChecks() {
    }

    public static List<ItemCheck> of(SchemaValidator schemas, boolean strict) {
        ContentRules rules = new ContentRules(AttackMatrix.load(), new ContentRules.Options(strict));
        return List.of(c -> rules.check(c.item()), c -> schemas.entityRules().check(c.item()), new KqlSyntaxCheck(),
                new WorkbookChecks());
    }
}
