package dev.canopy.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reporting in the form of the BEAM side (beam_bench.erl report/3 and fmt/1): the median of
 * the measured rounds, then {@code _min} and {@code _max}, every value with one decimal.
 */
final class Stats {
    private Stats() {
    }

    /** beam_bench's median: the lower middle element of the sorted values. */
    static double median(List<Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values");
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get((s.size() + 1) / 2 - 1);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** One {@code name value unit} line. */
    static void line(PrintStream out, String name, double value, String unit) {
        out.println(name + " " + fmt(value) + " " + unit);
        out.flush();
    }

    /** The median, {@code _min} and {@code _max} lines. */
    static void report(PrintStream out, String name, List<Double> values, String unit) {
        line(out, name, median(values), unit);
        line(out, name + "_min", Collections.min(values), unit);
        line(out, name + "_max", Collections.max(values), unit);
    }

    /** Items per second for count items done in elapsedNanos. */
    static double rate(long count, long elapsedNanos) {
        return count / (elapsedNanos / 1.0e9);
    }
}
