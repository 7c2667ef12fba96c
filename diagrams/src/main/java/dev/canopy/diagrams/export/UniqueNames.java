package dev.canopy.diagrams.export;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out identifiers that are unique in one namespace (one generated project): the first
 * request for {@code cache} gets {@code cache}, the next {@code cache_2}, and so on. Given the
 * same requests in the same order it gives the same answers, so exports stay deterministic.
 * Comparison ignores case, because file systems may (two modules {@code Foo} and {@code foo}
 * would overwrite each other's file on macOS or Windows).
 */
final class UniqueNames {
    private final Set<String> taken = new HashSet<>();
    private final String separator;

    UniqueNames(String separator) {
        this.separator = separator;
    }

    /** Marks a name as used (fixed names such as {@code application}). */
    UniqueNames reserve(String name) {
        taken.add(key(name));
        return this;
    }

    /** {@code base} if free, otherwise {@code base + separator + n} for the smallest free n ≥ 2. */
    String claim(String base) {
        String candidate = base;
        for (int n = 2; taken.contains(key(candidate)); n++) {
            candidate = base + separator + n;
        }
        taken.add(key(candidate));
        return candidate;
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
