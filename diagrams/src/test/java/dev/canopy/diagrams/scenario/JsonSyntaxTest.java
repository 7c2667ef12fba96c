package dev.canopy.diagrams.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed and truncated JSON is explained in a sentence with line and column, never in the parser's words. */
class JsonSyntaxTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("truncated array", "[1, 2", "invalid JSON at line 1, column 6: the text ends too early (is the file cut off?): an array is not closed with ]"),
                Arguments.of("truncated object", "{\"name\": \"x\",\n \"tree\": {\"id\": 1", "invalid JSON at line 2, column 18: the text ends too early (is the file cut off?): an object is not closed with }"),
                Arguments.of("truncated string", "{\"name\": \"unfinished", "invalid JSON at line 1, column 21: the text ends too early (is the file cut off?): a string is not closed with \""),
                Arguments.of("comment", "{\"name\": \"x\", // c", "invalid JSON at line 1, column 15: JSON has no comments; remove the comment"),
                Arguments.of("single quotes", "{'name': 1}", "invalid JSON at line 1, column 2: strings and keys need double quotes (\"), not single quotes"),
                Arguments.of("NaN", "{\"name\": NaN}", "invalid JSON at line 1, column 13: 'NaN' is not a JSON value: text needs double quotes, and true, false and null are written in lower case"),
                Arguments.of("bare word", "{\"a\": tru}", "invalid JSON at line 1, column 7: 'tru' is not a JSON value: text needs double quotes, and true, false and null are written in lower case"),
                Arguments.of("leading zero", "{\"a\": 01}", "invalid JSON at line 1, column 8: a number is not written as JSON writes numbers (no leading zeros, no + sign, digits after a dot)"),
                Arguments.of("missing comma", "{\"a\": 1 \"b\": 2}", "invalid JSON at line 1, column 9: a comma is missing before '\"'"),
                Arguments.of("trailing comma", "{\"a\": 1,}", "invalid JSON at line 1, column 9: a comma too many before '}'"),
                Arguments.of("wrong bracket", "{\"a\": [1}", "invalid JSON at line 1, column 9: '}' closes something it did not open (a bracket or brace does not match)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void a_syntax_error_is_a_sentence_with_line_and_column(String what, String json, String expected) {
        Problems problems = new Problems("f.json");
        assertThat(JsonTree.parse(json, problems)).isEmpty();
        List<Problem> found = problems.inFileOrder();
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo(expected);
            assertThat(p.message()).doesNotContain("Feature", "REDACTED", "code ", "Source", "\n");
        });
    }
}
