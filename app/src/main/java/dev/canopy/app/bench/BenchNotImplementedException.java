package dev.canopy.app.bench;

/** Thrown by placeholder benchmarks; {@code canopy bench} turns it into exit status 3. */
public final class BenchNotImplementedException extends Exception {

    private static final long serialVersionUID = 1L;

    public BenchNotImplementedException(String name) {
        super("benchmark " + name + " not implemented yet");
    }
}
