package dev.sentinelctl.fmt;

import java.util.ArrayList;
import java.util.List;

/** A unified diff ({@code diff -u} format, three lines of context) of two texts, for {@code fmt --diff}. */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    private record Op(char kind, String line, int a, int b) {}

    static String of(String path, String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        List<Op> ops = script(a, b);
        String shown = path.startsWith("/") ? path : "/" + path;
        StringBuilder out = new StringBuilder("--- a").append(shown).append("\n+++ b").append(shown).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while changes are closer than twice the context.
            int lastChange = i;
            while (end < ops.size()) {
                if (ops.get(end).kind() != ' ') lastChange = end;
                else if (end - lastChange > 2 * CONTEXT) break;
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int aStart = ops.get(start).a();
            int bStart = ops.get(start).b();
            int aCount = 0;
            int bCount = 0;
            StringBuilder hunk = new StringBuilder();
            for (int k = start; k < end; k++) {
                Op op = ops.get(k);
                hunk.append(op.kind()).append(op.line()).append('\n');
                if (op.kind() != '+') aCount++;
                if (op.kind() != '-') bCount++;
            }
            out.append("@@ -").append(aStart + 1).append(',').append(aCount).append(" +").append(bStart + 1).append(',')
                    .append(bCount).append(" @@\n").append(hunk);
            i = end;
        }
        return out.toString();
    }

    private static String[] lines(String s) {
        String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return t.isEmpty() ? new String[0] : t.split("\n", -1);
    }

    /** The edit script from a longest common subsequence (content files are a few hundred lines at most). */
    private static List<Op> script(String[] a, String[] b) {
        int n = a.length;
        int m = b.length;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[i].equals(b[j])) {
                ops.add(new Op(' ', a[i], i++, j++));
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', a[i], i++, j));
            } else {
                ops.add(new Op('+', b[j], i, j++));
            }
        }
        return ops;
    }
}
