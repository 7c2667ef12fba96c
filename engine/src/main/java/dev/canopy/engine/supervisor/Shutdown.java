package dev.canopy.engine.supervisor;

/** How a supervisor stops a child: kill at once, ask and wait up to a time, or ask and wait forever. */
public sealed interface Shutdown {
    record BrutalKill() implements Shutdown {}
    record Timeout(long ms) implements Shutdown {
        public Timeout {
            if (ms < 0) throw new IllegalArgumentException("shutdown time must not be negative");
        }
    }
    record Infinity() implements Shutdown {}

    Shutdown BRUTAL_KILL = new BrutalKill();
    Shutdown INFINITY = new Infinity();

    /** OTP's default: 5000 ms for workers, infinity for supervisors. */
    static Shutdown defaultFor(ChildType type) {
        return type == ChildType.SUPERVISOR ? INFINITY : new Timeout(5000);
    }

    default String render() {
        return switch (this) {
            case BrutalKill b -> "brutal_kill";
            case Timeout t -> Long.toString(t.ms());
            case Infinity i -> "infinity";
        };
    }
}
