package dev.sentinelctl.cli;

/** Exit codes shared by every command. */
public final class ExitCodes {
    /** Nothing at or above the failing severity. */
    public static final int OK = 0;
    /** Findings at or above the failing severity. */
    public static final int FINDINGS = 1;
    /** Usage or environment error: bad options, unreadable paths. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
