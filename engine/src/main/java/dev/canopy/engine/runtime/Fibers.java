package dev.canopy.engine.runtime;

/**
 * Checks that the JDK lets the engine run processes as continuations
 * ({@code jdk.internal.vm.Continuation}, exported with
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}). Kept free of any reference to
 * that package, so the check itself works when the export is missing.
 */
final class Fibers {
    static final String FLAG = "--add-exports java.base/jdk.internal.vm=ALL-UNNAMED";

    private Fibers() {}

    /** Throws with a sentence that says what to add to the java command when the export is missing. */
    static void ensureAvailable() {
        if (!Object.class.getModule().isExported("jdk.internal.vm", Fibers.class.getModule())) {
            throw new IllegalStateException("The Canopy engine runs processes as JDK continuations and needs the"
                    + " JVM flag '" + FLAG + "' (./canopy, ./mvnw and the installed app pass it; add it to your"
                    + " own java command line or JAVA_TOOL_OPTIONS).");
        }
    }
}
