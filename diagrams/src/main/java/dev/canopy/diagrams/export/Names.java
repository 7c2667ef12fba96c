package dev.canopy.diagrams.export;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writing a design's names into generated source, safely.
 *
 * <p>Two families of functions:
 * <ul>
 *   <li><b>Literals</b> ({@link #erlangAtom}, {@link #elixirAtom}, {@link #erlangString},
 *       {@link #elixirString}, {@link #javaString}, {@link #dotString}, {@link #mermaidLabel}):
 *       the name as a literal of the target language that reads back as exactly the same
 *       characters. Every character that could end the literal, start an interpolation
 *       ({@code #{}} in Elixir) or a unicode pre-escape ({@code \}{@code u} in Java), or
 *       break a line is escaped; every non-ASCII character is written as a code-point escape,
 *       so generated files are pure ASCII and nothing depends on the compiler's source
 *       encoding.</li>
 *   <li><b>Identifiers</b> ({@link #snake}, {@link #camel}): a name reduced to
 *       {@code [a-z0-9_]} or {@code [A-Za-z0-9]} for module, function and file names. These
 *       lose information, so they are made unique by the exporters ({@link UniqueNames}) and
 *       the exact name always travels next to them as a literal.</li>
 * </ul>
 * A generated file never contains a design's text anywhere else (not even in a comment).
 */
public final class Names {
    private Names() {}

    /** Longest atom the BEAM accepts, in characters (system_limit beyond). */
    public static final int MAX_ATOM_LENGTH = 255;

    private static final Pattern ERLANG_BARE_ATOM = Pattern.compile("[a-z][A-Za-z0-9_@]*");
    private static final Pattern ELIXIR_BARE_ATOM = Pattern.compile("[a-z_][A-Za-z0-9_]*[?!]?");

    /** Erlang reserved words (OTP 25, including those of the maybe feature): never bare atoms. */
    static final Set<String> ERLANG_RESERVED = Set.of(
            "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor",
            "case", "catch", "cond", "div", "else", "end", "fun", "if", "let", "maybe", "not",
            "of", "or", "orelse", "receive", "rem", "try", "when", "xor");

    /** True when the BEAM can make an atom of this text (length in characters, not bytes). */
    public static boolean fitsInAtom(String text) {
        return text.codePointCount(0, text.length()) <= MAX_ATOM_LENGTH;
    }

    // ---------------------------------------------------------------- Erlang

    /** {@code name} as an Erlang atom: bare when it is a plain lower-case word, else quoted. */
    public static String erlangAtom(String name) {
        requireAtom(name);
        if (ERLANG_BARE_ATOM.matcher(name).matches() && !ERLANG_RESERVED.contains(name)) {
            return name;
        }
        return "'" + erlangEscape(name, '\'') + "'";
    }

    /** {@code text} as an Erlang string literal (a list of code points). */
    public static String erlangString(String text) {
        return "\"" + erlangEscape(text, '"') + "\"";
    }

    /** {@code text} as an Erlang UTF-8 binary literal, {@code <<"..."/utf8>>}. */
    public static String erlangBinary(String text) {
        return "<<" + erlangString(text) + "/utf8>>";
    }

    private static String erlangEscape(String s, char quote) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (cp == quote) {
                        b.append('\\').append((char) cp);
                    } else if (cp < 0x20 || cp >= 0x7f) {
                        b.append("\\x{").append(Integer.toHexString(cp).toUpperCase(Locale.ROOT)).append('}');
                    } else {
                        b.append((char) cp);
                    }
                }
            }
        });
        return b.toString();
    }

    // ---------------------------------------------------------------- Elixir

    /**
     * {@code name} as an Elixir atom: {@code :name} when plain (reserved words too: {@code :end}
     * is the atom end), else {@code :"..."}.
     */
    public static String elixirAtom(String name) {
        requireAtom(name);
        if (ELIXIR_BARE_ATOM.matcher(name).matches()) {
            return ":" + name;   // :end, :do, :nil are plain atoms; Elixir warns when they are quoted
        }
        return ":" + elixirString(name);
    }

    /** {@code text} as an Elixir string literal; {@code #} is always escaped, so no interpolation. */
    public static String elixirString(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8).append('"');
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '#' -> b.append("\\#");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (cp < 0x20 || cp >= 0x7f) {
                        b.append("\\u{").append(Integer.toHexString(cp).toUpperCase(Locale.ROOT)).append('}');
                    } else {
                        b.append((char) cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** True when {@code name} can be a keyword-list key without quotes ({@code name: value}). */
    public static boolean isElixirKeywordKey(String name) {
        return ELIXIR_BARE_ATOM.matcher(name).matches();
    }

    // ---------------------------------------------------------------- Java

    /**
     * {@code text} as a Java string literal. Control characters use octal escapes, never
     * {@code \}{@code u000a}: unicode escapes are translated before lexing, so one for a line
     * break or a quote would end the literal. Non-ASCII characters above U+007F use unicode
     * escapes (harmless after translation); a backslash is doubled, so a {@code \}{@code u} in
     * the name cannot become an escape.
     */
    public static String javaString(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format(Locale.ROOT, "\\%03o", (int) c));
                    } else if (c > 0x7f) {
                        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    // ---------------------------------------------------------------- diagrams

    /** {@code text} as a Graphviz DOT double-quoted string (one line; {@code \n} is DOT's line break). */
    public static String dotString(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8).append('"');
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '&' -> b.append("&#38;");
                case '\n' -> b.append("\\n");
                case '\r', '\t' -> b.append(' ');
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(' ');
                    } else if (cp > 0x7f) {
                        b.append("&#").append(cp).append(';');
                    } else {
                        b.append((char) cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /**
     * {@code text} as a Mermaid quoted label {@code "..."}: everything but letters, digits and
     * space becomes a Mermaid entity code ({@code #35;}), so no quote, bracket, pipe, markdown
     * or HTML can reach the renderer; a line break becomes {@code <br/>}.
     */
    public static String mermaidLabel(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8).append('"');
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append("<br/>");
            } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || cp == ' ' || cp == '_' || cp == '.' || cp == '-' || cp == ':') {
                b.append((char) cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                b.append(' ');
            } else {
                b.append('#').append(cp).append(';');
            }
        });
        return b.append('"').toString();
    }

    // ---------------------------------------------------------------- identifiers

    /**
     * A lower-case snake_case identifier made of {@code [a-z0-9_]}, starting with a letter:
     * accents are stripped ({@code é} → {@code e}), every other run of non-alphanumerics
     * becomes one {@code _}. Never empty: {@code fallback} when nothing is left.
     */
    public static String snake(String text, String fallback) {
        String ascii = stripAccents(text);
        StringBuilder b = new StringBuilder(ascii.length());
        boolean pendingUnderscore = false;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            boolean alnum = (c >= 'a' && c <= 'z') || upper || (c >= '0' && c <= '9');
            if (!alnum) {
                pendingUnderscore = !b.isEmpty();
                continue;
            }
            // camelCase boundary: fooBar -> foo_bar
            if (upper && !b.isEmpty() && i > 0 && Character.isLowerCase(ascii.charAt(i - 1))) {
                pendingUnderscore = true;
            }
            if (pendingUnderscore) {
                b.append('_');
                pendingUnderscore = false;
            }
            b.append(Character.toLowerCase(c));
        }
        String s = b.toString();
        if (s.isEmpty()) {
            return fallback;
        }
        if (!(s.charAt(0) >= 'a' && s.charAt(0) <= 'z')) {
            s = fallback + "_" + s;
        }
        return truncate(s);
    }

    /** An UpperCamelCase identifier made of {@code [A-Za-z0-9]}, starting with a capital letter. */
    public static String camel(String text, String fallback) {
        StringBuilder b = new StringBuilder();
        for (String part : snake(text, snake(fallback, "x")).split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return b.toString();
    }

    private static String stripAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    }

    /** Identifiers stay well under the atom limit, leaving room for prefixes and suffixes. */
    private static String truncate(String s) {
        int max = 60;
        if (s.length() <= max) {
            return s;
        }
        String t = s.substring(0, max);
        while (t.endsWith("_")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static void requireAtom(String name) {
        if (!fitsInAtom(name)) {
            throw new IllegalArgumentException("name longer than " + MAX_ATOM_LENGTH + " characters cannot be an atom");
        }
    }
}
