package dev.canopy.app.ui.text;

/** Counts in words: "1 node", "3 nodes", "1 process", "2 processes" — never "3 node(s)". */
public final class Plural {

    private Plural() {
    }

    /** {@code n} and the noun, with the noun's plural for any n but 1. */
    public static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : plural(noun));
    }

    static String plural(String noun) {
        if (noun.endsWith("ss") || noun.endsWith("sh") || noun.endsWith("ch") || noun.endsWith("x")) return noun + "es";
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        if (noun.equals("child")) return "children";
        return noun + "s";
    }
}
