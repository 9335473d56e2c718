package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentScanner.ContentFile;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.schema.AttackMatrix;
import dev.sentinelctl.schema.ContentRules;
import dev.sentinelctl.schema.SchemaValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Valid content texts to mutate, and a checker wired like `validate`. */
public final class Fixtures {
    private Fixtures() {}

    public static final String RULE = """
            id: 0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b
            name: Failed logons followed by success
            description: |
              Many failed logons to one account followed by a success.
            severity: Medium
            requiredDataConnectors:
              - connectorId: SecurityEvents
                dataTypes:
                  - SecurityEvent
            queryFrequency: 1h
            queryPeriod: 1d
            triggerOperator: gt
            triggerThreshold: 0
            tactics:
              - CredentialAccess
            relevantTechniques:
              - T1110
            query: |
              SecurityEvent
              | where EventID in (4624, 4625)
              | summarize Failed = countif(EventID == 4625), Succeeded = countif(EventID == 4624) by TargetAccount, Computer
              | where Failed > 10 and Succeeded > 0
            entityMappings:
              - entityType: Account
                fieldMappings:
                  - identifier: FullName
                    columnName: TargetAccount
              - entityType: Host
                fieldMappings:
                  - identifier: HostName
                    columnName: Computer
            customDetails:
              FailedLogons: Failed
            alertDetailsOverride:
              alertDisplayNameFormat: Brute force on {{Computer}}
            eventGroupingSettings:
              aggregationKind: SingleAlert
            version: 1.0.0
            kind: Scheduled
            """;

    public static final String HUNTING = """
            id: 6b478186-da3b-4d71-beaa-aa5b42908499
            name: Mail by direction
            description: |
              Mail per direction and domain per day.
            requiredDataConnectors:
            - connectorId: MicrosoftThreatProtection
              dataTypes:
              - EmailEvents
            tactics:
            - InitialAccess
            relevantTechniques:
            - T1566
            query: |
              EmailEvents
              | where Timestamp > ago(30d)
              | summarize total=count() by EmailDirection
            version: 1.0.0
            """;

    public static FileChecker checker(boolean strict) {
        SchemaValidator schemas = new SchemaValidator();
        ContentRules rules = new ContentRules(AttackMatrix.load(), new ContentRules.Options(strict));
        return new FileChecker(schemas, List.of(c -> rules.check(c.item()), c -> schemas.entityRules().check(c.item()),
                new KqlSyntaxCheck()));
    }

    public static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks one text as a file named {@code name} (the folder part hints the kind). */
    public static List<Diagnostic> check(Path dir, String name, String text) {
        Path file = write(dir, name, text);
        return checker(false).check(new ContentFile(file, name)).diagnostics();
    }
}
