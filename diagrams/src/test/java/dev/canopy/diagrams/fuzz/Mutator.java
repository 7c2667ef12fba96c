package dev.canopy.diagrams.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Damages a JSON text the ways files get damaged or hand-edited wrongly: cut off, bytes deleted,
 * inserted or duplicated, a value swapped for one of another type or an extreme one, a key
 * renamed, brackets nested absurdly deep. Deterministic from the Random it is given.
 */
final class Mutator {
    private Mutator() {
    }

    private static final List<String> VALUES = List.of("null", "true", "false", "0", "-1", "1.5", "1e309", "-0",
            "99999999999999999999999", "\"\"", "\"x\"", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"",
            "\"ÿ€😀\"", "\"" + "a".repeat(5000) + "\"", "NaN", "Infinity", "'single'", "\"\\q\"");
    private static final String PUNCTUATION = "{}[]\":,\\ \n\t0123456789-+.eEtrufalsn";

    static String mutate(String text, Random r) {
        int rounds = 1 + r.nextInt(3);
        String out = text;
        for (int i = 0; i < rounds; i++) out = once(out, r);
        return out;
    }

    private static String once(String s, Random r) {
        if (s.isEmpty()) return VALUES.get(r.nextInt(VALUES.size()));
        int at = r.nextInt(s.length());
        int len = 1 + r.nextInt(Math.max(1, Math.min(40, s.length() - at)));
        return switch (r.nextInt(10)) {
            case 0 -> s.substring(0, at); // truncated (a crash while writing, a bad copy)
            case 1 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + len)); // bytes lost
            case 2 -> s.substring(0, at) + PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length())) + s.substring(at);
            case 3 -> s.substring(0, at) + s.substring(at, Math.min(s.length(), at + len)) + s.substring(at); // duplicated
            case 4 -> replaceValue(s, r);
            case 5 -> renameKey(s, r);
            case 6 -> s.substring(0, at) + (char) r.nextInt(0x20) + s.substring(at); // a control character
            case 7 -> deepNesting(r) ;
            case 8 -> s.substring(0, at) + VALUES.get(r.nextInt(VALUES.size())) + s.substring(at);
            default -> replaceValue(replaceValue(s, r), r);
        };
    }

    /** Replaces the value after a random ':' with another JSON value (often of another type). */
    private static String replaceValue(String s, Random r) {
        int colon = s.indexOf(':', r.nextInt(s.length()));
        if (colon < 0) colon = s.indexOf(':');
        if (colon < 0) return s;
        int end = colon + 1;
        int depth = 0;
        boolean inString = false;
        while (end < s.length()) {
            char c = s.charAt(end);
            if (inString) {
                if (c == '\\') end++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) break;
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
            end++;
        }
        return s.substring(0, colon + 1) + " " + VALUES.get(r.nextInt(VALUES.size())) + s.substring(Math.min(end, s.length()));
    }

    /** A key's name changed: a typo, a key of another kind of node, or an empty one. */
    private static String renameKey(String s, Random r) {
        int colon = s.indexOf("\":", r.nextInt(s.length()));
        if (colon < 0) return s;
        int open = s.lastIndexOf('"', colon - 1);
        if (open < 0) return s;
        List<String> names = List.of("", "id", "kind", "children", "restart", "strategy", "at_ms", "do", "tree", "stepz", "Id");
        return s.substring(0, open + 1) + names.get(r.nextInt(names.size())) + s.substring(colon);
    }

    private static String deepNesting(Random r) {
        int depth = 500 + r.nextInt(20_000);
        boolean arrays = r.nextBoolean();
        return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(r.nextInt(depth + 1));
    }
}
