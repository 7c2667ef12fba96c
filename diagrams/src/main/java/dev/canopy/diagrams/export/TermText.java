package dev.canopy.diagrams.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The plain terms a design may hold as source text (start args, extra_arguments): parsed, so
 * only data reaches generated code, then written again for each language. Accepted, in
 * Elixir or Erlang spelling: integers ({@code 42}, {@code -1_000}), floats ({@code 1.5}),
 * atoms ({@code :name}, {@code :"any text"}, {@code name}, {@code 'any text'}, {@code true},
 * {@code nil}), aliases ({@code MyApp.Repo}, the atom {@code 'Elixir.MyApp.Repo'}), strings
 * ({@code "text"}, written as UTF-8 binaries in both languages; no interpolation), lists and
 * tuples of these. Anything else (calls, variables, operators, maps) is rejected, so an
 * argument can never be code.
 */
public final class TermText {
    private TermText() {}

    /** A parsed term. */
    public sealed interface T {}

    public record Int(String digits) implements T {}

    public record Flt(String text) implements T {}

    public record Atom(String name) implements T {}

    public record Str(String text) implements T {}

    public record Lst(List<T> elements) implements T {}

    public record Tup(List<T> elements) implements T {}

    /** Thrown for text that is not a plain term; the message says why. */
    public static final class BadTerm extends Exception {
        private static final long serialVersionUID = 1L;

        BadTerm(String message) {
            super(message);
        }
    }

    private static final Pattern ALIAS = Pattern.compile("[A-Z][A-Za-z0-9_]*(\\.[A-Z][A-Za-z0-9_]*)*");
    private static final int MAX_DEPTH = 32;
    private static final Pattern KEYWORD_KEY = Pattern.compile("([a-z_][A-Za-z0-9_]*[?!]?): ");

    public static T parse(String text) throws BadTerm {
        Parser p = new Parser(text);
        p.skipSpace();
        // Elixir's call syntax: a bare keyword list "name: X, keys: :unique" is one list argument.
        T t = p.keywordAhead() ? p.keywords(0, (char) 0) : p.term(0);
        p.skipSpace();
        if (!p.atEnd()) {
            throw new BadTerm("unexpected '" + p.peekText() + "' after the term");
        }
        return t;
    }

    // ---------------------------------------------------------------- writing

    public static String elixir(T t) {
        return switch (t) {
            case Int i -> i.digits();
            case Flt f -> f.text();
            case Atom a when a.name().startsWith("Elixir.") && ALIAS.matcher(a.name().substring(7)).matches() ->
                    a.name().substring(7);
            case Atom a when a.name().equals("nil") || a.name().equals("true") || a.name().equals("false") -> a.name();
            case Atom a -> Names.elixirAtom(a.name());
            case Str s -> Names.elixirString(s.text());
            case Lst l when isKeywordList(l) -> "[" + keywordPairs(l) + "]";
            case Lst l -> "[" + join(l.elements(), true) + "]";
            case Tup u -> "{" + join(u.elements(), true) + "}";
        };
    }

    /** A non-empty list of {plain_atom, value} pairs, written {@code [name: value]} in Elixir. */
    private static boolean isKeywordList(Lst l) {
        return !l.elements().isEmpty() && l.elements().stream().allMatch(e -> e instanceof Tup t && t.elements().size() == 2
                && t.elements().getFirst() instanceof Atom a && Names.isElixirKeywordKey(a.name()));
    }

    private static String keywordPairs(Lst l) {
        List<String> parts = new ArrayList<>();
        for (T e : l.elements()) {
            Tup t = (Tup) e;
            parts.add(((Atom) t.elements().get(0)).name() + ": " + elixir(t.elements().get(1)));
        }
        return String.join(", ", parts);
    }

    public static String erlang(T t) {
        return switch (t) {
            case Int i -> i.digits();
            case Flt f -> f.text();
            case Atom a -> Names.erlangAtom(a.name());
            case Str s -> Names.erlangBinary(s.text());
            case Lst l -> "[" + join(l.elements(), false) + "]";
            case Tup u -> "{" + join(u.elements(), false) + "}";
        };
    }

    private static String join(List<T> ts, boolean elixir) {
        List<String> parts = new ArrayList<>(ts.size());
        for (T t : ts) {
            parts.add(elixir ? elixir(t) : erlang(t));
        }
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------- parsing

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        String peekText() {
            int end = Math.min(s.length(), pos + 10);
            return s.substring(pos, end).replaceAll("\\s", " ");
        }

        void skipSpace() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        T term(int depth) throws BadTerm {
            if (depth > MAX_DEPTH) {
                throw new BadTerm("nested deeper than " + MAX_DEPTH);
            }
            if (atEnd()) {
                throw new BadTerm("a term is missing");
            }
            char c = s.charAt(pos);
            if (c == '[' || c == '{') {
                return sequence(c, depth);
            }
            if (c == '"') {
                return new Str(quoted('"'));
            }
            if (c == '\'') {
                return new Atom(quoted('\''));
            }
            if (c == ':') {
                pos++;
                if (!atEnd() && s.charAt(pos) == '"') {
                    return new Atom(quoted('"'));
                }
                String w = word();
                if (!w.matches("[a-z_][A-Za-z0-9_@]*[?!]?")) {
                    throw new BadTerm("not an atom: ':" + w + "'");
                }
                return new Atom(w);
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return number();
            }
            String w = word();
            if (w.matches("[a-z][A-Za-z0-9_@]*")) {
                return new Atom(w);   // Erlang spelling (true, false, nil, name)
            }
            if (ALIAS.matcher(w).matches()) {
                return new Atom("Elixir." + w);
            }
            throw new BadTerm(w.isEmpty() ? "unexpected '" + peekText() + "'" : "not a plain term: '" + w + "'");
        }

        /** True when a keyword key ({@code name: }) starts here. */
        boolean keywordAhead() {
            return KEYWORD_KEY.matcher(s).region(pos, s.length()).lookingAt();
        }

        /** {@code k: v, k2: v2} up to {@code close} (0 = end of text), as a list of 2-tuples. */
        T keywords(int depth, char close) throws BadTerm {
            List<T> items = new ArrayList<>();
            while (true) {
                skipSpace();
                java.util.regex.Matcher km = KEYWORD_KEY.matcher(s).region(pos, s.length());
                if (!km.lookingAt()) {
                    throw new BadTerm("expected a keyword key such as name:");
                }
                pos = km.end();
                skipSpace();
                items.add(new Tup(List.of(new Atom(km.group(1)), term(depth + 1))));
                skipSpace();
                if (atEnd()) {
                    if (close == 0) {
                        return new Lst(items);
                    }
                    throw new BadTerm("'" + close + "' is missing");
                }
                char c = s.charAt(pos);
                if (c == close) {
                    pos++;
                    return new Lst(items);
                }
                if (c != ',') {
                    throw new BadTerm("expected ',' after a keyword value, found '" + c + "'");
                }
                pos++;
            }
        }

        private T sequence(char open, int depth) throws BadTerm {
            char close = open == '[' ? ']' : '}';
            pos++;
            List<T> items = new ArrayList<>();
            skipSpace();
            if (!atEnd() && s.charAt(pos) == close) {
                pos++;
                return open == '[' ? new Lst(items) : new Tup(items);
            }
            if (open == '[' && keywordAhead()) {
                return keywords(depth, ']');
            }
            while (true) {
                skipSpace();
                items.add(term(depth + 1));
                skipSpace();
                if (atEnd()) {
                    throw new BadTerm("'" + close + "' is missing");
                }
                char c = s.charAt(pos++);
                if (c == close) {
                    return open == '[' ? new Lst(items) : new Tup(items);
                }
                if (c != ',') {
                    throw new BadTerm("expected ',' or '" + close + "', found '" + c + "'");
                }
            }
        }

        private String word() {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '.' || c == '?' || c == '!') {
                    pos++;
                } else {
                    break;
                }
            }
            return s.substring(start, pos);
        }

        private T number() throws BadTerm {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            String w = word();
            String text = s.substring(start, pos);
            if (w.matches("[0-9]+(_[0-9]+)*")) {
                return new Int(text.replace("_", ""));
            }
            if (w.matches("[0-9]+\\.[0-9]+([eE][-+]?[0-9]+)?")) {
                return new Flt(text);
            }
            throw new BadTerm("not a number: '" + text + "'");
        }

        /** A quoted string or atom with the escapes both languages share; no interpolation. */
        private String quoted(char q) throws BadTerm {
            pos++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new BadTerm("closing " + q + " is missing");
                }
                char c = s.charAt(pos++);
                if (c == q) {
                    return b.toString();
                }
                if (c == '#' && q == '"' && !atEnd() && s.charAt(pos) == '{') {
                    throw new BadTerm("interpolation (#{...}) is not allowed in a string");
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (atEnd()) {
                    throw new BadTerm("closing " + q + " is missing");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case '\\', '"', '\'', '#' -> b.append(e);
                    default -> throw new BadTerm("unsupported escape \\" + e);
                }
            }
        }
    }
}
