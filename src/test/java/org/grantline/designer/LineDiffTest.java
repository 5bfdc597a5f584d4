package org.grantline.designer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Unified diffs as diff -u prints them: hunk headers with line numbers, three lines of context. */
class LineDiffTest {

    @Test
    void aChangedLineInTheMiddleShowsThreeLinesOfContextEachSide() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertThat(LineDiff.unified(before, after)).isEqualTo("@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    }

    @Test
    void distantChangesAreSeparateHunksAndNearOnesOne() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append(i).append('\n');
        }
        String after = before.toString().replace("2\n3\n", "2\nthree\n").replace("\n18\n", "\neighteen\n");
        String diff = LineDiff.unified(before.toString(), after);
        assertThat(diff.lines().filter(l -> l.startsWith("@@")).toList()).containsExactly("@@ -1,6 +1,6 @@", "@@ -15,6 +15,6 @@");
        String near = before.toString().replace("\n5\n", "\nfive\n").replace("\n9\n", "\nnine\n");
        assertThat(LineDiff.unified(before.toString(), near).lines().filter(l -> l.startsWith("@@")).count()).isEqualTo(1);
    }

    @Test
    void addedAndRemovedFilesAreAllPlusOrAllMinus() {
        assertThat(LineDiff.unified(null, "a\nb\n")).isEqualTo("@@ -0,0 +1,2 @@\n+a\n+b\n");
        assertThat(LineDiff.unified("a\n", null)).isEqualTo("@@ -1,1 +0,0 @@\n-a\n");
        assertThat(LineDiff.unified("same\n", "same\n")).isEmpty();
    }

    @Test
    void insertedLinesKeepTheCommonOnesInPlace() {
        assertThat(LineDiff.unified("a\nc\n", "a\nb\nc\n")).isEqualTo("@@ -1,2 +1,3 @@\n a\n+b\n c\n");
    }
}
