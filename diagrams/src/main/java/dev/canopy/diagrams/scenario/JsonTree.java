package dev.canopy.diagrams.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/** Reads JSON text into a {@link Json} tree with line numbers, using Jackson 3's streaming parser. */
public final class JsonTree {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    /** The tree, or empty after adding a problem at {@code $} with the line of the syntax error. */
    public static Optional<Json> parse(String text, Problems problems) {
        JsonParser parser = FACTORY.createParser(text);
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add("$", 1, "the file is empty; expected a JSON object");
                return Optional.empty();
            }
            Json value = value(parser, first);
            if (parser.nextToken() != null) {
                problems.add("$", line(parser), "unexpected content after the end of the JSON value");
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (JacksonException e) {
            // Some errors (a limit such as the nesting depth) carry no location: the parser still knows where it is.
            int line = JsonSyntax.line(e) > 0 ? JsonSyntax.line(e) : Math.max(1, parser.currentLocation().getLineNr());
            problems.add("$", line, JsonSyntax.describe(e));
            return Optional.empty();
        }
    }

    private static Json value(JsonParser parser, JsonToken token) {
        int line = line(parser);
        return switch (token) {
            case START_OBJECT -> {
                List<Json.Member> members = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    members.add(new Json.Member(key, keyLine, value(parser, parser.nextToken())));
                }
                yield new Json.Obj(line, members);
            }
            case START_ARRAY -> {
                List<Json> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(value(parser, t));
                }
                yield new Json.Arr(line, items);
            }
            case VALUE_STRING -> new Json.Str(line, parser.getString());
            case VALUE_NUMBER_INT -> new Json.Num(line, parser.getText(), parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> new Json.Num(line, parser.getText(), null);
            case VALUE_TRUE -> new Json.Bool(line, true);
            case VALUE_FALSE -> new Json.Bool(line, false);
            case VALUE_NULL -> new Json.Null(line);
            default -> throw new IllegalStateException("unexpected JSON token " + token + " at line " + line);
        };
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
