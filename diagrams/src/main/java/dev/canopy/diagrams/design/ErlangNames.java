package dev.canopy.diagrams.design;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What names can become in Elixir and Erlang source: atoms, module names, aliases. The validator
 * uses these checks; exporters use {@link #atom(String)} to write an id (reserved words are
 * quoted).
 */
public final class ErlangNames {

    /** Erlang's reserved words: valid atoms only when quoted ({@code 'end'}). */
    public static final Set<String> RESERVED = Set.of("after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl",
            "bsr", "bxor", "case", "catch", "cond", "div", "else", "end", "fun", "if", "let", "maybe", "not", "of",
            "or", "orelse", "receive", "rem", "try", "when", "xor");

    /** Elixir's reserved words (cannot be bare function or variable names; {@code :end} is still fine). */
    public static final Set<String> ELIXIR_RESERVED = Set.of("true", "false", "nil", "when", "and", "or", "not", "in",
            "fn", "do", "end", "catch", "rescue", "after", "else");

    public static final int MAX_ATOM_LENGTH = 255;

    private static final Pattern ATOM = Pattern.compile("[a-z][a-zA-Z0-9_]*");
    private static final Pattern ALIAS = Pattern.compile("[A-Z][a-zA-Z0-9_]*(\\.[A-Z][a-zA-Z0-9_]*)*");

    private ErlangNames() {
    }

    /** An atom written without quotes in both languages (reserved words excluded). */
    public static boolean isPlainAtom(String s) {
        return s.length() <= MAX_ATOM_LENGTH && ATOM.matcher(s).matches() && !RESERVED.contains(s);
    }

    /** An Elixir alias such as {@code MyApp.Repo}. */
    public static boolean isAlias(String s) {
        return s.length() <= MAX_ATOM_LENGTH && ALIAS.matcher(s).matches();
    }

    /** A module name: an Elixir alias or an unquoted Erlang atom. */
    public static boolean isModule(String s) {
        return isAlias(s) || isPlainAtom(s);
    }

    /** The Erlang source for an atom-shaped id: as is, or quoted when it is a reserved word. */
    public static String atom(String s) {
        return isPlainAtom(s) ? s : "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Why this text cannot be used as a name in generated source, in a plain sentence (or empty when
     * nothing hostile is in it): quotes, backslashes, control characters, interpolation, non-ASCII.
     */
    public static Optional<String> hostile(String s) {
        if (s.isEmpty()) return Optional.of("it is empty");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') return Optional.of("it contains a line break");
            if (c < 0x20 || c == 0x7f) return Optional.of("it contains a control character");
            if (c > 0x7e) return Optional.of("it contains a non-ASCII character ('" + new String(Character.toChars(s.codePointAt(i))) + "')");
            if (c == '"' || c == '\'' || c == '`') return Optional.of("it contains a quote");
            if (c == '\\') return Optional.of("it contains a backslash");
            if (c == '#' && i + 1 < s.length() && s.charAt(i + 1) == '{') return Optional.of("it contains #{...} interpolation");
        }
        if (s.length() > MAX_ATOM_LENGTH) return Optional.of("it is longer than " + MAX_ATOM_LENGTH + " characters");
        return Optional.empty();
    }
}
