package dev.canopy.engine.supervisor;

import dev.canopy.engine.term.Term;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The checks OTP makes before a supervisor starts (check_flags/1, check_startspec/2,
 * validSignificant/3), as a pure function returning OTP's error term.
 */
public final class SpecCheck {
    private SpecCheck() {}

    public static Optional<Term> checkFlags(SupervisorFlags flags) {
        if (flags.intensity() < 0) return Optional.of(Term.tuple(Term.atom("invalid_intensity"), new Term.Int(flags.intensity())));
        if (flags.periodSeconds() < 1) return Optional.of(Term.tuple(Term.atom("invalid_period"), new Term.Int(flags.periodSeconds())));
        return Optional.empty();
    }

    /** validSignificant/3: auto_shutdown never is checked first, then a permanent restart. */
    public static Optional<Term> checkChild(ChildSpec spec, AutoShutdown autoShutdown) {
        if (!spec.significant()) return Optional.empty();
        Term significant = Term.tuple(Term.atom("significant"), Term.atom("true"));
        if (autoShutdown == AutoShutdown.NEVER) {
            return Optional.of(badCombination(Term.tuple(Term.atom("auto_shutdown"), Term.atom("never")), significant));
        }
        if (spec.restart() == Restart.PERMANENT) {
            return Optional.of(badCombination(Term.tuple(Term.atom("restart"), Term.atom("permanent")), significant));
        }
        return Optional.empty();
    }

    private static Term badCombination(Term first, Term second) {
        return Term.tuple(Term.atom("bad_combination"), new Term.TermList(List.of(first, second)));
    }

    public static Optional<Term> checkStartSpec(List<ChildSpec> specs, AutoShutdown autoShutdown) {
        var seen = new HashSet<String>();
        for (var spec : specs) {
            if (!seen.add(spec.id())) return Optional.of(Term.tuple(Term.atom("duplicate_child_name"), Term.atom(spec.id())));
            var bad = checkChild(spec, autoShutdown);
            if (bad.isPresent()) return bad;
        }
        return Optional.empty();
    }
}
