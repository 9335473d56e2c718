package dev.sentinelctl.reference;

import java.util.List;

/**
 * An entity type of analytic-rule entity mappings.
 *
 * @param identifiers             identifiers the 2023 validator accepts (case-sensitive)
 * @param identifiersAddedLater   identifiers later validators also accept (e.g. Account.CloudAppAccountId)
 * @param requiredCombinations    at least one of these sets must be mapped; empty means no requirement
 */
public record EntityType(String name, List<String> identifiers, List<String> identifiersAddedLater,
                         List<List<String>> requiredCombinations) {

    public EntityType {
        identifiers = List.copyOf(identifiers);
        identifiersAddedLater = List.copyOf(identifiersAddedLater);
        requiredCombinations = requiredCombinations.stream().map(List::copyOf).toList();
    }

    public boolean acceptsIdentifier(String identifier, boolean includeLaterAdditions) {
        return identifiers.contains(identifier) || (includeLaterAdditions && identifiersAddedLater.contains(identifier));
    }
}
