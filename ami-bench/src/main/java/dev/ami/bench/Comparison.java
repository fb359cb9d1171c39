package dev.ami.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The like-for-like table: one row per figure, saying how it was measured, ami's figure on a
 * just-started server (cold) and after a warm-up (warm), Asterisk's reference figure and the ratio;
 * and, apart, the figures of ami's own scenarios that no Asterisk figure was measured like.
 */
final class Comparison {

    /**
     * One row.
     *
     * @param id       the scenario letter
     * @param path     what is measured
     * @param method   how (concurrency, counts, configuration), the way Asterisk's figure was taken
     * @param cold     ami on a just-started server, or "–"
     * @param warm     ami after a warm-up, or "–"
     * @param asterisk Asterisk 22.10.1's figure, or null for a row of ours only
     * @param ratio    see {@link #ratio}, or "–"
     */
    record Row(String id, String path, String method, String cold, String warm, String asterisk, String ratio) {
        boolean oursOnly() {
            return asterisk == null;
        }
    }

    static final String NONE = "–";

    private final List<Row> rows = new ArrayList<>();

    void compared(String id, String path, String method, String cold, String warm, String asterisk, String ratio) {
        rows.add(new Row(id, path, method, cold, warm, asterisk, ratio));
    }

    void oursOnly(String id, String path, String method, String cold, String warm) {
        rows.add(new Row(id, path, method, cold, warm, null, NONE));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * How many times better ami is than Asterisk, cold and warm ("0.72× / 1.01×"; one figure if
     * only one was measured): ami ÷ Asterisk for rates, Asterisk ÷ ami for times, CPU and memory,
     * so that above 1× ami is ahead either way.
     *
     * @param cold           ami's cold figure, or NaN if not measured
     * @param warm           ami's warm figure, or NaN
     * @param higherIsBetter true for rates, false for times, CPU and memory
     */
    static String ratio(double cold, double warm, double asterisk, boolean higherIsBetter) {
        String c = oneRatio(cold, asterisk, higherIsBetter);
        String w = oneRatio(warm, asterisk, higherIsBetter);
        if (c == null) {
            return w == null ? NONE : w;
        }
        return w == null ? c : c + " / " + w;
    }

    private static String oneRatio(double ami, double asterisk, boolean higherIsBetter) {
        if (Double.isNaN(ami) || Double.isNaN(asterisk) || ami <= 0 || asterisk <= 0) {
            return null;
        }
        double r = higherIsBetter ? ami / asterisk : asterisk / ami;
        return String.format(Locale.ROOT, r >= 10 ? "%.0f×" : "%.2f×", r);
    }

    /** @return the two Markdown tables, like-for-like first, each row in scenario order */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Like for like: each figure measured the way Asterisk's was. Ratio: above 1× ami is ahead (ami ÷"
                + " Asterisk for rates, Asterisk ÷ ami for times, CPU and memory), cold / warm, against Asterisk's best"
                + " figure where it has two.\n\n");
        out.append("| | path | method | ami cold | ami warm | Asterisk 22.10.1 | ratio |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row r : sorted(false)) {
            out.append(cells(r.id(), r.path(), r.method(), r.cold(), r.warm(), r.asterisk(), r.ratio()));
        }
        List<Row> ours = sorted(true);
        if (!ours.isEmpty()) {
            out.append("\nOurs only: ami's own scenarios, not measured the way any Asterisk figure was, so not compared.\n\n");
            out.append("| | figure | method | ami cold | ami warm |\n");
            out.append("|---|---|---|---|---|\n");
            for (Row r : ours) {
                out.append(cells(r.id(), r.path(), r.method(), r.cold(), r.warm()));
            }
        }
        return out.toString();
    }

    private List<Row> sorted(boolean oursOnly) {
        // a stable sort: rows of one scenario keep the order they were added in
        return rows.stream().filter(r -> r.oursOnly() == oursOnly)
                .sorted(java.util.Comparator.comparing(Row::id)).toList();
    }

    private static String cells(String... cells) {
        StringBuilder line = new StringBuilder("|");
        for (String c : cells) {
            // a | inside a cell would split it
            line.append(' ').append(c == null ? NONE : c.replace("|", "\\|")).append(" |");
        }
        return line.append('\n').toString();
    }

    static String perSecond(double value) {
        return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%,.0f/s", value);
    }

    static String micros(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f µs" : "%.1f µs", value);
    }
}
