package dev.canopy.engine.supervisor;

import java.util.List;
import java.util.Objects;

/** A child specification with every field OTP has; the defaults are OTP's. */
public record ChildSpec(String id, ChildStart start, Restart restart, Shutdown shutdown,
                        ChildType type, boolean significant, List<String> modules) {
    public ChildSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(shutdown, "shutdown");
        Objects.requireNonNull(type, "type");
        modules = List.copyOf(modules);
    }

    public static ChildSpec worker(String id, ChildStart start) {
        return new ChildSpec(id, start, Restart.PERMANENT, Shutdown.defaultFor(ChildType.WORKER), ChildType.WORKER, false, List.of());
    }

    public static ChildSpec supervisor(String id, ChildStart start) {
        return new ChildSpec(id, start, Restart.PERMANENT, Shutdown.defaultFor(ChildType.SUPERVISOR), ChildType.SUPERVISOR, false, List.of());
    }

    public ChildSpec withRestart(Restart r) { return new ChildSpec(id, start, r, shutdown, type, significant, modules); }

    public ChildSpec withShutdown(Shutdown s) { return new ChildSpec(id, start, restart, s, type, significant, modules); }

    public ChildSpec withSignificant(boolean s) { return new ChildSpec(id, start, restart, shutdown, type, s, modules); }

    public ChildSpec withModules(List<String> m) { return new ChildSpec(id, start, restart, shutdown, type, significant, m); }
}
