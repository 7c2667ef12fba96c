package dev.canopy.diagrams.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * Turns a JSON syntax error from Jackson's parser into a sentence for the person who wrote the
 * file: where (line and column) and what to change, in the words of JSON, never the parser's own
 * (feature flags, "Source: REDACTED", character codes). The parser's message is only read to pick
 * the sentence; an error it does not recognise gets a plain "not valid JSON here".
 */
public final class JsonSyntax {

    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '([^']*)'");
    private static final Pattern CLOSE_MARKER = Pattern.compile("^Unexpected close marker '(.)'");

    private JsonSyntax() {
    }

    /** The line of the error (1-based; 0 when unknown). */
    public static int line(JacksonException e) {
        return e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
    }

    /** "invalid JSON at line L, column C: SENTENCE". */
    public static String describe(JacksonException e) {
        int line = line(e);
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        String where = line > 0 && column > 0 ? " at line " + line + ", column " + column
                : line > 0 ? " at line " + line : "";
        return "invalid JSON" + where + ": " + sentence(e);
    }

    static String sentence(JacksonException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof UnexpectedEndOfInputException || m.startsWith("Unexpected end-of-input")) {
            String what = m.contains("Array") ? "an array is not closed with ]"
                    : m.contains("Object") ? "an object is not closed with }"
                    : m.contains("quote") ? "a string is not closed with \""
                    : "a value is not complete";
            return "the text ends too early (is the file cut off?): " + what;
        }
        Matcher c = UNEXPECTED_CHAR.matcher(m);
        if (c.find()) {
            String ch = c.group(1);
            if (ch.equals("'")) return "strings and keys need double quotes (\"), not single quotes";
            if (ch.equals("/") || ch.equals("#")) return "JSON has no comments; remove the comment";
            if (m.contains("expecting comma")) return "a comma is missing before '" + ch + "'";
            if (m.contains("expecting a colon")) return "a colon (:) is missing between the key and its value";
            if (m.contains("start property name") || m.contains("start field name")) {
                return ch.equals("}") ? "a comma too many before '}'" : "a key must be a string in double quotes, not '" + ch + "...'";
            }
            if (ch.equals("]") || ch.equals("}") || ch.equals(",")) return "a value is missing before '" + ch + "' (a comma too many?)";
            return "unexpected character '" + ch + "'";
        }
        Matcher t = TOKEN.matcher(m);
        if (t.find()) {
            return "'" + t.group(1) + "' is not a JSON value: text needs double quotes, and true, false and null "
                    + "are written in lower case";
        }
        Matcher close = CLOSE_MARKER.matcher(m);
        if (close.find()) {
            return "'" + close.group(1) + "' closes something it did not open (a bracket or brace does not match)";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return m.contains("code 10") || m.contains("code 13")
                    ? "a string runs past the end of its line: close it with \" (or write a line break as \\n)"
                    : "a control character inside a string must be escaped with a backslash";
        }
        if (m.startsWith("Invalid numeric value") || m.contains("numeric value")) {
            return "a number is not written as JSON writes numbers (no leading zeros, no + sign, digits after a dot)";
        }
        if (m.startsWith("Unrecognized character escape")) return "a backslash escape in a string is not one JSON knows";
        if (e instanceof StreamConstraintsException && m.contains("nesting depth")) {
            return "the JSON is nested too deeply (more than " + StreamReadConstraints.defaults().getMaxNestingDepth() + " levels)";
        }
        return "the text is not valid JSON here";
    }
}
