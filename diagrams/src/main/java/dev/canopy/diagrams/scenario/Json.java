package dev.canopy.diagrams.scenario;

import java.math.BigInteger;
import java.util.List;

/**
 * A parsed JSON value that remembers the line it starts on, so that every problem can point at
 * the offending value. Objects keep all their members in document order, duplicates included.
 */
public sealed interface Json {

    /** 1-based line of the value's first character. */
    int line();

    record Obj(int line, List<Member> members) implements Json {
        public Obj {
            members = List.copyOf(members);
        }
    }

    /** One {@code "key": value} pair; {@code keyLine} is the line of the key. */
    record Member(String key, int keyLine, Json value) {
    }

    record Arr(int line, List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }
    }

    record Str(int line, String value) implements Json {
    }

    /** A number as written; {@code integer} is null unless it was written as an integer. */
    record Num(int line, String text, BigInteger integer) implements Json {
    }

    record Bool(int line, boolean value) implements Json {
    }

    record Null(int line) implements Json {
    }

    /** Short rendering for messages: {@code 'text'}, {@code 12}, {@code true}, {@code an object}. */
    public static String show(Json value) {
        return switch (value) {
            case Str s -> "'" + (s.value().length() > 40 ? s.value().substring(0, 40) + "..." : s.value()) + "'";
            case Num n -> n.text();
            case Bool b -> Boolean.toString(b.value());
            case Null n -> "null";
            case Obj o -> "an object";
            case Arr a -> "an array";
        };
    }
}
