package dev.canopy.diagrams.design;

import java.util.List;
import java.util.Objects;

import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;

/**
 * The child-spec fields every node has (OTP {@code supervisor:child_spec()} / Elixir
 * {@code Supervisor.child_spec/2}); {@code type} is implied by the node's kind. They are ignored
 * on the root.
 *
 * <ul>
 * <li>{@code startModule}: an Elixir alias ({@code MyApp.Repo}) or an Erlang module atom
 *     ({@code my_repo}); {@code ""} means not given (exporters derive one from the id).</li>
 * <li>{@code startFunction}: default {@code start_link}.</li>
 * <li>{@code args}: the start arguments, each a plain term as source text ({@code 42},
 *     {@code :name}, {@code [1, 2]}); default none.</li>
 * <li>{@code modules}: the child spec's {@code modules}; empty means OTP's default
 *     {@code [startModule]}.</li>
 * </ul>
 */
public record ChildSpecFields(String startModule, String startFunction, List<String> args, Restart restart,
                              Shutdown shutdown, boolean significant, List<String> modules) {

    public static final String DEFAULT_FUNCTION = "start_link";

    public ChildSpecFields {
        Objects.requireNonNull(startModule, "startModule");
        Objects.requireNonNull(startFunction, "startFunction");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(shutdown, "shutdown");
        args = List.copyOf(args);
        modules = List.copyOf(modules);
    }

    /** OTP's defaults for a node of this kind: permanent, 5000 ms for a worker, infinity otherwise. */
    public static ChildSpecFields defaults(DesignKind kind) {
        return new ChildSpecFields("", DEFAULT_FUNCTION, List.of(), Restart.PERMANENT,
                Shutdown.defaultFor(kind.childType()), false, List.of());
    }

    public ChildSpecFields withStart(String module, String function, List<String> args) {
        return new ChildSpecFields(module, function, args, restart, shutdown, significant, modules);
    }

    public ChildSpecFields withStartModule(String module) {
        return new ChildSpecFields(module, startFunction, args, restart, shutdown, significant, modules);
    }

    public ChildSpecFields withRestart(Restart restart) {
        return new ChildSpecFields(startModule, startFunction, args, restart, shutdown, significant, modules);
    }

    public ChildSpecFields withShutdown(Shutdown shutdown) {
        return new ChildSpecFields(startModule, startFunction, args, restart, shutdown, significant, modules);
    }

    /** A shutdown timeout of {@code ms} milliseconds (the inspector's typed value). */
    public ChildSpecFields withShutdownMs(long ms) {
        return withShutdown(new Shutdown.Timeout(ms));
    }

    public ChildSpecFields withSignificant(boolean significant) {
        return new ChildSpecFields(startModule, startFunction, args, restart, shutdown, significant, modules);
    }

    public ChildSpecFields withModules(List<String> modules) {
        return new ChildSpecFields(startModule, startFunction, args, restart, shutdown, significant, modules);
    }

    public boolean hasStartModule() {
        return !startModule.isEmpty();
    }
}
