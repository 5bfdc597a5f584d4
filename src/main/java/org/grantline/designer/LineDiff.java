package org.grantline.designer;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line (longest common subsequence), with three lines of context
 * around each change, as {@code diff -u} shows it. Very large changed regions are shown as replaced whole.
 */
final class LineDiff {

    private static final int CONTEXT = 3;
    private static final long MAX_TABLE_CELLS = 4_000_000;

    private record Line(char kind, String text, int oldNo, int newNo) {
    }

    static String unified(String before, String after) {
        List<Line> lines = compare(split(before), split(after));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are closer than twice the context
            int lastChange = i;
            while (end < lines.size() && end - lastChange <= 2 * CONTEXT) {
                if (lines.get(end).kind() != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(lines.size(), lastChange + CONTEXT + 1);
            appendHunk(out, lines.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Line> hunk) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (Line line : hunk) {
            if (line.kind() != '+') {
                oldStart = oldStart == 0 ? line.oldNo() : oldStart;
                oldCount++;
            }
            if (line.kind() != '-') {
                newStart = newStart == 0 ? line.newNo() : newStart;
                newCount++;
            }
        }
        out.append("@@ -").append(oldStart).append(',').append(oldCount)
                .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
        hunk.forEach(line -> out.append(line.kind()).append(line.text()).append('\n'));
    }

    private static List<Line> compare(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> lines = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            lines.add(new Line(' ', a.get(k), k + 1, k + 1));
        }
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), prefix, lines);
        for (int k = suffix; k > 0; k--) {
            lines.add(new Line(' ', a.get(a.size() - k), a.size() - k + 1, b.size() - k + 1));
        }
        return lines;
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Line> lines) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_TABLE_CELLS) {
            for (int i = 0; i < n; i++) {
                lines.add(new Line('-', a.get(i), offset + i + 1, 0));
            }
            for (int j = 0; j < m; j++) {
                lines.add(new Line('+', b.get(j), 0, offset + j + 1));
            }
            return;
        }
        // common[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                lines.add(new Line(' ', a.get(i), offset + i + 1, offset + j + 1));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                // removals before additions, as diff -u shows a replaced line
                lines.add(new Line('-', a.get(i), offset + i + 1, 0));
                i++;
            } else {
                lines.add(new Line('+', b.get(j), 0, offset + j + 1));
                j++;
            }
        }
    }

    private static List<String> split(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = List.of(text.split("\r?\n", -1));
        // a final newline ends the last line; it does not start an empty one
        return text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
    }

    private LineDiff() {
    }
}
