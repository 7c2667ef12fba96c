package dev.canopy.engine.supervisor;

import java.util.List;

/** What a supervisor's init callback returns: {ok,{Flags,ChildSpecs}} or ignore. */
public sealed interface SupervisorInit {
    record Ok(SupervisorFlags flags, List<ChildSpec> children) implements SupervisorInit {
        public Ok { children = List.copyOf(children); }
    }
    record Ignore() implements SupervisorInit {}
}
