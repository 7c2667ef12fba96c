package dev.canopy.engine.term;

import dev.canopy.engine.process.Pid;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An Erlang-like term, used for exit reasons and error values. Rendering follows the
 * conformance trace grammar: atoms by name, tuples as {A,B}, lists as [A,B], pids as
 * {@code pid}, and an exception raised from a callback as {@code error} (OTP's
 * {Reason, Stacktrace} pair, which carries no stable text).
 */
public sealed interface Term permits Term.Atom, Term.Tuple, Term.TermList, Term.PidTerm, Term.Int, Term.Crash {

    String render();

    record Atom(String name) implements Term {
        public Atom {
            if (name == null || name.isEmpty()) throw new IllegalArgumentException("atom needs a name");
        }
        @Override public String render() { return name; }
        @Override public String toString() { return name; }
        // Written out, the same as a record's (Pid says why): every exit signal compares its reason with atoms.
        @Override public boolean equals(Object o) { return o == this || (o instanceof Atom a && a.name.equals(name)); }
        @Override public int hashCode() { return name.hashCode(); }
    }

    record Tuple(List<Term> elements) implements Term {
        public Tuple { elements = List.copyOf(elements); }
        public Term get(int i) { return elements.get(i); }
        public int size() { return elements.size(); }
        @Override public String render() {
            return elements.stream().map(Term::render).collect(Collectors.joining(",", "{", "}"));
        }
        @Override public String toString() { return render(); }
    }

    record TermList(List<Term> elements) implements Term {
        public TermList { elements = List.copyOf(elements); }
        @Override public String render() {
            return elements.stream().map(Term::render).collect(Collectors.joining(",", "[", "]"));
        }
        @Override public String toString() { return render(); }
    }

    record PidTerm(Pid pid) implements Term {
        @Override public String render() { return "pid"; }
        @Override public String toString() { return pid.toString(); }
    }

    record Int(long value) implements Term {
        @Override public String render() { return Long.toString(value); }
        @Override public String toString() { return render(); }
    }

    /** An exception escaped a callback; keeps the Java exception's class and message for people. */
    record Crash(String exceptionClass, String message) implements Term {
        public static Crash of(Throwable t) {
            return new Crash(t.getClass().getName(), String.valueOf(t.getMessage()));
        }
        @Override public String render() { return "error"; }
        @Override public String toString() { return "error(" + exceptionClass + ": " + message + ")"; }
    }

    Atom NORMAL = new Atom("normal");
    Atom SHUTDOWN = new Atom("shutdown");
    Atom KILL = new Atom("kill");
    Atom KILLED = new Atom("killed");
    Atom NOPROC = new Atom("noproc");
    Atom TIMEOUT = new Atom("timeout");
    Atom UNDEFINED = new Atom("undefined");
    Atom CALLING_SELF = new Atom("calling_self");

    static Atom atom(String name) { return new Atom(name); }

    static Tuple tuple(Term... elements) { return new Tuple(List.of(elements)); }

    /** True for the reasons OTP treats as a normal stop: normal, shutdown, {shutdown,_}. */
    static boolean isNormalStop(Term reason) {
        if (reason.equals(NORMAL) || reason.equals(SHUTDOWN)) return true;
        return reason instanceof Tuple t && t.size() == 2 && t.get(0).equals(SHUTDOWN);
    }

    /** The first element of a tuple reason, or the reason itself (how traces show call exits). */
    static Term head(Term reason) {
        return reason instanceof Tuple t && t.size() > 0 ? t.get(0) : reason;
    }
}
