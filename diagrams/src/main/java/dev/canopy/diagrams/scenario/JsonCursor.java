package dev.canopy.diagrams.scenario;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A JSON value together with its path from the document root ({@code $.steps[3].target}), the name
 * used for it in messages, and the collector its problems go to. The typed readers report a
 * problem and return empty when the value does not fit.
 */
public record JsonCursor(Json value, String path, String name, Problems problems) {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static JsonCursor root(Json value, Problems problems) {
        return new JsonCursor(value, "$", "the document", problems);
    }

    public int line() {
        return value.line();
    }

    public void report(String message) {
        problems.add(path, line(), message);
    }

    public String show() {
        return Json.show(value);
    }

    // ---- objects

    /** Reports and returns false unless this is an object. */
    public boolean expectObject() {
        if (value instanceof Json.Obj) return true;
        report(name + " must be an object, not " + show());
        return false;
    }

    private List<Json.Member> members() {
        return value instanceof Json.Obj obj ? obj.members() : List.of();
    }

    /** The first member with this key, if any. */
    public Optional<JsonCursor> get(String key) {
        return members().stream().filter(m -> m.key().equals(key)).findFirst()
                .map(m -> new JsonCursor(m.value(), keyPath(key), key, problems));
    }

    /** Like {@link #get} but reports "missing 'KEY'" (at the key's path, on this object's line). */
    public Optional<JsonCursor> require(String key) {
        Optional<JsonCursor> member = get(key);
        if (member.isEmpty()) problems.add(keyPath(key), line(), "missing '" + key + "'");
        return member;
    }

    /**
     * Reports duplicate keys, keys not in {@code known} ("unknown key 'foo'") and known keys for
     * which {@code whyNot} gives a reason (e.g. a key that does not apply to this kind of node).
     */
    public void checkKeys(Set<String> known, Function<String, Optional<String>> whyNot) {
        Set<String> seen = new HashSet<>();
        for (Json.Member m : members()) {
            String key = m.key();
            Optional<String> problem = !seen.add(key) ? Optional.of("duplicate key '" + key + "'")
                    : !known.contains(key) ? Optional.of("unknown key '" + key + "'")
                    : whyNot.apply(key);
            problem.ifPresent(message -> problems.add(keyPath(key), m.keyLine(), message));
        }
    }

    public String keyPath(String key) {
        return path + (PLAIN_KEY.matcher(key).matches() ? "." + key : "['" + key.replace("'", "\\'") + "']");
    }

    // ---- arrays

    /** The items of an array (named like {@code init[2]}); reports and returns empty for a non-array. */
    public Optional<List<JsonCursor>> items() {
        if (!(value instanceof Json.Arr arr)) {
            report(name + " must be an array, not " + show());
            return Optional.empty();
        }
        return Optional.of(IntStream.range(0, arr.items().size())
                .mapToObj(i -> new JsonCursor(arr.items().get(i), path + "[" + i + "]", name + "[" + i + "]", problems))
                .toList());
    }

    // ---- scalars

    public Optional<String> string() {
        if (value instanceof Json.Str s) return Optional.of(s.value());
        report(name + " must be a string, not " + show());
        return Optional.empty();
    }

    public Optional<Boolean> bool() {
        if (value instanceof Json.Bool b) return Optional.of(b.value());
        report(name + " must be true or false, not " + show());
        return Optional.empty();
    }

    /** A string that is an id (letters, digits, {@code _}). */
    public Optional<String> id() {
        Optional<String> text = string();
        if (text.isPresent() && !Vocabulary.isId(text.get())) {
            report(name + " must be made of letters, digits and _ only, not " + show());
            return Optional.empty();
        }
        return text;
    }

    public Optional<Long> nonNegativeLong() {
        return integer(0, Long.MAX_VALUE, "a non-negative integer").map(BigInteger::longValueExact);
    }

    public Optional<Integer> nonNegativeInt() {
        return integer(0, Integer.MAX_VALUE, "a non-negative integer").map(BigInteger::intValueExact);
    }

    public Optional<Integer> positiveInt() {
        return integer(1, Integer.MAX_VALUE, "a positive integer").map(BigInteger::intValueExact);
    }

    private Optional<BigInteger> integer(long min, long max, String what) {
        if (value instanceof Json.Num n && n.integer() != null) {
            if (n.integer().compareTo(BigInteger.valueOf(min)) >= 0 && n.integer().compareTo(BigInteger.valueOf(max)) <= 0) {
                return Optional.of(n.integer());
            }
            if (n.integer().compareTo(BigInteger.valueOf(max)) > 0) {
                report(name + " must be at most " + max + ", not " + show());
                return Optional.empty();
            }
        }
        report(name + " must be " + what + ", not " + show());
        return Optional.empty();
    }

    /** A string naming one of {@code choices}: "restart must be one of permanent, ..., not 'x'". */
    public <E> Optional<E> oneOf(Map<String, E> choices) {
        if (value instanceof Json.Str s && choices.containsKey(s.value())) return Optional.of(choices.get(s.value()));
        report(name + " must be one of " + String.join(", ", choices.keySet()) + ", not " + show());
        return Optional.empty();
    }
}
