package dev.ami.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void ratesAreAmiOverAsteriskColdThenWarm() {
        assertEquals("0.27× / 0.43×", Comparison.ratio(994, 1_580, 3_709, true));
        assertEquals("1.43×", Comparison.ratio(Double.NaN, 78_556, 54_869, true));
        assertEquals("0.71×", Comparison.ratio(12_223, Double.NaN, 17_280, true));
    }

    @Test
    void timesAndMemoryAreAsteriskOverAmiSoAboveOneIsAheadEitherWay() {
        // p99 335 µs against Asterisk's 144: ami behind, so below 1
        assertEquals("0.43× / 1.17×", Comparison.ratio(335, 123, 144, false));
        // 608 MB resident against about 50
        assertEquals("0.08×", Comparison.ratio(608, Double.NaN, 50, false));
        // large ratios lose their decimals
        assertEquals("1770×", Comparison.ratio(Double.NaN, 0.001, 1.77, false));
    }

    @Test
    void nothingMeasuredIsADash() {
        assertEquals("–", Comparison.ratio(Double.NaN, Double.NaN, 1, true));
        assertEquals("–", Comparison.ratio(0, -1, 1, true));
        assertEquals("–", Comparison.ratio(5, 5, Double.NaN, true));
    }

    @Test
    void comparedAndOursOnlyRowsGoToSeparateTablesInScenarioOrder() {
        Comparison table = new Comparison();
        table.oursOnly("b", "16 logins at once", "16 in flight", "–", "8,000/s");
        table.compared("l", "Login+Logoff", "2,000 sequential", "994/s", "1,580/s", "3,709/s", "0.27× / 0.43×");
        table.compared("a", "Ping", "20,000 sequential", "12,223/s", "17,000/s", "17,280/s", "0.71× / 0.98×");
        table.compared("a", "Ping p50 / p99", "the same run", "1 | 2", "3", "47.5 / 144 µs", "–");
        String md = table.markdown();
        List<String> lines = md.lines().toList();
        int header = lines.indexOf("| | path | method | ami cold | ami warm | Asterisk 22.10.1 | ratio |");
        assertTrue(header >= 0, md);
        assertEquals("| a | Ping | 20,000 sequential | 12,223/s | 17,000/s | 17,280/s | 0.71× / 0.98× |",
                lines.get(header + 2));
        // a | in a cell is escaped, and the rows of one scenario keep their order
        assertEquals("| a | Ping p50 / p99 | the same run | 1 \\| 2 | 3 | 47.5 / 144 µs | – |", lines.get(header + 3));
        assertEquals("| l | Login+Logoff | 2,000 sequential | 994/s | 1,580/s | 3,709/s | 0.27× / 0.43× |",
                lines.get(header + 4));
        int ours = lines.indexOf("| | figure | method | ami cold | ami warm |");
        assertTrue(ours > header + 4, md);
        assertEquals("| b | 16 logins at once | 16 in flight | – | 8,000/s |", lines.get(ours + 2));
        assertFalse(lines.subList(header, ours).stream().anyMatch(l -> l.contains("16 logins")), md);
    }

    @Test
    void withoutOwnRowsThereIsNoSecondTable() {
        Comparison table = new Comparison();
        table.compared("a", "Ping", "m", "1/s", "2/s", "3/s", "–");
        assertFalse(table.markdown().contains("Ours only"));
        assertTrue(table.rows().get(0).asterisk().equals("3/s") && !table.rows().get(0).oursOnly());
    }
}
