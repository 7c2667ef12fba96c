package dev.canopy.engine.registry;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.term.Term;

/** {:via, Registry, {registry, key}}: a process name resolved through a registry. */
public record ViaName(Pid registry, Object key) {
    public ViaName {
        java.util.Objects.requireNonNull(registry, "registry");
        java.util.Objects.requireNonNull(key, "key");
    }

    /** The name as a term, for exit reasons such as {noproc, {gen_server, call, [Name, Timeout]}}. */
    public Term term() {
        Term k = key instanceof Term t ? t : Term.atom(String.valueOf(key));
        return Term.tuple(Term.atom("via"), Term.atom("Registry"), Term.tuple(new Term.PidTerm(registry), k));
    }
}
