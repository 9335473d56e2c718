package dev.sentinelctl.deploy;

import java.util.ArrayList;
import java.util.List;

/** A unified line diff (LCS, 3 lines of context) for showing a changed query. Queries are short; O(n·m) is fine. */
public final class LineDiff {
    private static final int CONTEXT = 3;
    private static final int MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    /** Lines prefixed with " ", "-" or "+", hunks separated by "@@". */
    public static List<String> unified(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        List<String> ops = new ArrayList<>();
        if ((long) a.length * b.length > MAX_CELLS) {
            for (String s : a) ops.add("-" + s);
            for (String s : b) ops.add("+" + s);
        } else {
            int[][] lcs = new int[a.length + 1][b.length + 1];
            for (int i = a.length - 1; i >= 0; i--) {
                for (int j = b.length - 1; j >= 0; j--) {
                    lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < a.length || j < b.length) {
                if (i < a.length && j < b.length && a[i].equals(b[j])) {
                    ops.add(" " + a[i++]);
                    j++;
                } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    ops.add("-" + a[i++]); // removals before additions, as diff -u prints them
                } else {
                    ops.add("+" + b[j++]);
                }
            }
        }
        boolean[] keep = new boolean[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).charAt(0) != ' ') {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(ops.size() - 1, k + CONTEXT); c++) keep[c] = true;
            }
        }
        List<String> out = new ArrayList<>();
        boolean gap = true;
        for (int k = 0; k < ops.size(); k++) {
            if (!keep[k]) {
                gap = true;
                continue;
            }
            if (gap) out.add("@@");
            gap = false;
            out.add(ops.get(k));
        }
        return out;
    }
}
