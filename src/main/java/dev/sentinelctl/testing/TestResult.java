package dev.sentinelctl.testing;

import java.util.List;
import java.util.Optional;

/**
 * What happened to one test.
 *
 * @param file      the tests file, as displayed
 * @param item      the content item's file, as displayed
 * @param failures  failed expectations (FAILED) or the reason it could not run (ERROR); empty when it passed
 * @param rows      result rows, -1 when the query did not run
 */
public record TestResult(String file, String item, String name, Location location, Status status, List<ExpectationChecker.Failure> failures,
                         int rows, long nanos, Optional<String> workspace) {

    public enum Status { PASSED, FAILED, ERROR }

    public TestResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
