package dev.canopy.diagrams.testing;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * A test's prerequisite (a tool such as erl, or the shared conformance assets). On a developer's
 * machine a missing one skips the test; in CI ({@code CI=true}, which installs everything) it
 * fails the build, so a proof that silently did not run cannot pass as green.
 */
public final class Prerequisite {
    private final UnaryOperator<String> env;

    public Prerequisite(UnaryOperator<String> env) {
        this.env = env;
    }

    /** Reads the real environment. */
    public static Prerequisite fromEnvironment() {
        return new Prerequisite(System::getenv);
    }

    public boolean inCi() {
        return "true".equalsIgnoreCase(env.apply("CI"));
    }

    /** Skips the test when {@code present} is false, or fails it in CI. */
    public void require(boolean present, String what) {
        if (present) return;
        if (inCi()) throw new AssertionFailedError("CI=true but " + what + ": CI must run this test, not skip it");
        Assumptions.abort(what + " (skipped; in CI this fails)");
    }
}
