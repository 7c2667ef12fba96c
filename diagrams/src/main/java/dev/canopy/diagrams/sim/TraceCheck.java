package dev.canopy.diagrams.sim;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignWriter;
import dev.canopy.diagrams.design.ToScenario;
import dev.canopy.engine.scenario.Scenario;
import dev.canopy.engine.scenario.ScenarioRunner;

/**
 * Checking a design against real OTP: the design and its fault script as a conformance scenario
 * (the JSON {@code run-otp} reads), our engine's trace of it (the code path of
 * {@code canopy trace}), and the two traces lined up side by side with the differences marked,
 * compared line by line as the conformance suite's {@code check} does.
 */
public final class TraceCheck {
    private TraceCheck() {
    }

    /** How a row of the side-by-side view compares. */
    public enum Kind { SAME, CHANGED, ONLY_OURS, ONLY_OTP }

    /** One row: our line and OTP's ("" where the side has none). */
    public record Row(Kind kind, String ours, String otp) {}

    /** The design as a scenario (validated: throws {@link ToScenario.InvalidDesignException} when it has errors). */
    public static Scenario scenario(Design design) {
        Scenario s = ToScenario.checked(design);
        return new Scenario(fileName(design.name()), s.description(), s.tree(), s.steps());
    }

    public static String scenarioJson(Design design) {
        return DesignWriter.writeScenario(scenario(design));
    }

    /** Our engine's normalized trace, as {@code canopy trace --seed SEED} prints it. */
    public static List<String> ourTrace(Design design, long seed) {
        return ScenarioRunner.trace(scenario(design), seed);
    }

    /** A scenario name that is also a file name (FORMAT.md: name equals the file name). */
    public static String fileName(String designName) {
        String n = designName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return n.isEmpty() ? "design" : n;
    }

    /** Lines as {@code check} compares them: no CR, no trailing blank lines. */
    public static List<String> normalize(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) out.add(l.replace("\r", ""));
        while (!out.isEmpty() && out.getLast().isBlank()) out.removeLast();
        return out;
    }

    /** True when the traces are the same after {@link #normalize}. */
    public static boolean same(List<String> ours, List<String> otp) {
        return normalize(ours).equals(normalize(otp));
    }

    /**
     * The traces aligned on their longest common subsequence of lines; a run of lines only one
     * side has next to a run only the other has is paired as CHANGED rows.
     */
    public static List<Row> diff(List<String> oursRaw, List<String> otpRaw) {
        List<String> a = normalize(oursRaw);
        List<String> b = normalize(otpRaw);
        int n = a.size(), m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> onlyA = new ArrayList<>();
        List<String> onlyB = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                flush(rows, onlyA, onlyB);
                rows.add(new Row(Kind.SAME, a.get(i), b.get(j)));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                onlyB.add(b.get(j++));
            } else {
                onlyA.add(a.get(i++));
            }
        }
        flush(rows, onlyA, onlyB);
        return rows;
    }

    private static void flush(List<Row> rows, List<String> onlyA, List<String> onlyB) {
        int k = 0;
        for (; k < Math.min(onlyA.size(), onlyB.size()); k++) rows.add(new Row(Kind.CHANGED, onlyA.get(k), onlyB.get(k)));
        for (int x = k; x < onlyA.size(); x++) rows.add(new Row(Kind.ONLY_OURS, onlyA.get(x), ""));
        for (int x = k; x < onlyB.size(); x++) rows.add(new Row(Kind.ONLY_OTP, "", onlyB.get(x)));
        onlyA.clear();
        onlyB.clear();
    }
}
