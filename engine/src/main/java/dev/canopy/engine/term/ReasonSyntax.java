package dev.canopy.engine.term;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the textual reasons used by scenarios and the simulator: a word such as
 * {@code boom}, or a tuple such as {@code {shutdown,bye}} (nested tuples allowed).
 */
public final class ReasonSyntax {
    private ReasonSyntax() {}

    public static Optional<Term> parse(String text) {
        if (text == null) return Optional.empty();
        var parser = new Parser(text.strip());
        try {
            Term t = parser.term();
            return parser.atEnd() ? Optional.of(t) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) { this.s = s; }

        boolean atEnd() { return i == s.length(); }

        Term term() {
            if (atEnd()) throw new IllegalArgumentException("empty");
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                List<Term> elements = new ArrayList<>();
                if (peek() == '}') { i++; return new Term.Tuple(elements); }
                while (true) {
                    elements.add(term());
                    char d = next();
                    if (d == '}') return new Term.Tuple(elements);
                    if (d != ',') throw new IllegalArgumentException("expected , or }");
                }
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            if (start == i) throw new IllegalArgumentException("expected a word");
            String word = s.substring(start, i);
            if (word.chars().allMatch(Character::isDigit)) return new Term.Int(Long.parseLong(word));
            return new Term.Atom(word);
        }

        char peek() { if (atEnd()) throw new IllegalArgumentException("unexpected end"); return s.charAt(i); }

        char next() { char c = peek(); i++; return c; }
    }
}
