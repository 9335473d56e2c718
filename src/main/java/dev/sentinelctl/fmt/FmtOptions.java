package dev.sentinelctl.fmt;

/**
 * The few formatting choices teams really make differently ({@code fmt:} in {@code .sentinelctl.yaml}). Defaults
 * follow Kusto.Language's formatter (Kusto Explorer, the VS Code extension): 80 columns, the pipe at the start
 * of the line, four-space indentation.
 *
 * @param lineWidth   column after which operator argument lists and {@code and}/{@code or} chains are wrapped
 * @param pipeAtStart true: {@code | where} starts the line (Kusto's style); false: the pipe ends the line before
 */
public record FmtOptions(int lineWidth, boolean pipeAtStart) {
    public static final int INDENT = 4;
    public static final FmtOptions DEFAULT = new FmtOptions(80, true);

    public FmtOptions {
        if (lineWidth < 20 || lineWidth > 1000) {
            throw new IllegalArgumentException("line width " + lineWidth + " is outside 20..1000");
        }
    }
}
