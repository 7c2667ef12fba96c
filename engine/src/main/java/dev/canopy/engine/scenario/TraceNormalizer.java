package dev.canopy.engine.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The two normalizations of FORMAT.md §3, for orders OTP does not guarantee: runs of lines
 * about children of one dynamic supervisor are sorted by path (it stops them all at once),
 * and lines of a step marked unordered are sorted bytewise.
 */
final class TraceNormalizer {
    private static final Set<String> EVENT_WORDS = Set.of("start", "init_failed", "ignore", "terminate", "trapped", "give_up", "exit");

    private TraceNormalizer() {}

    static List<String> normalize(List<String> lines, Set<String> dynamicSupervisorPaths) {
        return sortUnorderedSteps(sortDynamicRuns(lines, dynamicSupervisorPaths));
    }

    static List<String> sortDynamicRuns(List<String> lines, Set<String> dynamicSupervisorPaths) {
        var out = new ArrayList<String>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            String parent = dynamicParent(lines.get(i), dynamicSupervisorPaths);
            if (parent == null) { out.add(lines.get(i++)); continue; }
            int j = i;
            while (j < lines.size() && parent.equals(dynamicParent(lines.get(j), dynamicSupervisorPaths))) j++;
            var run = new ArrayList<>(lines.subList(i, j));
            run.sort(Comparator.comparing(TraceNormalizer::subjectPath));
            out.addAll(run);
            i = j;
        }
        return out;
    }

    private static String dynamicParent(String line, Set<String> dynamicSupervisorPaths) {
        String path = subjectPath(line);
        if (path == null) return null;
        int slash = path.lastIndexOf('/');
        if (slash < 0) return null;
        String parent = path.substring(0, slash);
        return dynamicSupervisorPaths.contains(parent) ? parent : null;
    }

    /** The path of an event line's subject ("exit root/a#2 boom" → "root/a"), or null for other lines. */
    static String subjectPath(String line) {
        int sp = line.indexOf(' ');
        if (sp < 0 || !EVENT_WORDS.contains(line.substring(0, sp))) return null;
        int hash = line.indexOf('#', sp);
        return hash < 0 ? null : line.substring(sp + 1, hash);
    }

    static List<String> sortUnorderedSteps(List<String> lines) {
        var out = new ArrayList<String>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            out.add(line);
            i++;
            if (line.startsWith("-- step ") && line.endsWith(" (unordered)")) {
                int j = i;
                while (j < lines.size() && !lines.get(j).startsWith("-- ")) j++;
                var segment = new ArrayList<>(lines.subList(i, j));
                segment.sort(Comparator.naturalOrder());
                out.addAll(segment);
                i = j;
            }
        }
        return out;
    }
}
