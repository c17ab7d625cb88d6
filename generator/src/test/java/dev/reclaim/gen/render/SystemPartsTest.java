package dev.reclaim.gen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a system's declarations are split into parts small enough for one method and one class. */
class SystemPartsTest {

    private static List<List<String>> statements(int n, int length) {
        List<List<String>> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(List.of("x".repeat(length)));
        }
        return s;
    }

    private static List<Integer> sizes(List<List<List<String>>> parts) {
        return parts.stream().map(List::size).toList();
    }

    @Test
    void aSmallSystemIsOnePart() {
        assertEquals(List.of(SystemRenderer.PART_STATEMENTS), sizes(SystemRenderer.parts(statements(SystemRenderer.PART_STATEMENTS, 10))));
        assertEquals(List.of(), sizes(SystemRenderer.parts(statements(0, 10))));
    }

    @Test
    void partsHoldAtMostTheStatementLimit() {
        int n = SystemRenderer.PART_STATEMENTS;
        assertEquals(List.of(n, n, 1), sizes(SystemRenderer.parts(statements(2 * n + 1, 10))));
    }

    @Test
    void longStatementsCloseAPartEarlierByTheirText() {
        int perPart = SystemRenderer.PART_CHARS / 1000;
        assertEquals(List.of(perPart, perPart, 2), sizes(SystemRenderer.parts(statements(2 * perPart + 2, 1000))));
    }

    @Test
    void aStatementLongerThanAPartStandsAlone() {
        List<List<String>> s = statements(2, 10);
        s.add(1, List.of("y".repeat(SystemRenderer.PART_CHARS), "z"));
        assertEquals(List.of(1, 1, 1), sizes(SystemRenderer.parts(s)));
    }
}
