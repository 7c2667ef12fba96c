package dev.canopy.diagrams.whiteboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.whiteboard.StrategyWizard.Answer;

/**
 * The whiteboard exercise as a guided walk: for each process (children of supervisors with
 * siblings, depth first, in start order) ask "If this process dies, should its siblings die too?",
 * derive each supervisor's strategy from the answers (with the reasoning), then crash every
 * process of the tree built from those answers in the simulator and set what the person expected
 * against what OTP did, node by node, every surprise explained.
 *
 * <p>What the person expects is taken literally from the answers: the process that dies comes
 * back; "yes" takes every sibling down and back with it, "the ones started after it" those
 * started later, "no" none; whatever is below a supervisor that comes back starts again. The
 * rules an answer does not cover (temporary and transient children, the restart intensity and
 * escalation, a Registry's links) are exactly what the simulator then shows.
 */
public final class GuidedExercise {
    private GuidedExercise() {
    }

    /** The tree built from the answers: a proposal (strategy, order, reason) per supervisor asked about. */
    public record Derivation(List<StrategyWizard.Proposal> proposals, Design design) {
        public Derivation {
            proposals = List.copyOf(proposals);
        }
    }

    /** The whole exercise: the derivation and one check per crashed process, in start order. */
    public record Result(Derivation derivation, List<SimulatorCheck.Check> crashes) {
        public Result {
            crashes = List.copyOf(crashes);
        }

        public List<CrashReport> reports() {
            return crashes.stream().filter(c -> c instanceof SimulatorCheck.Check.Checked)
                    .map(c -> ((SimulatorCheck.Check.Checked) c).report()).toList();
        }

        /** How many crashes went exactly as the answers said. */
        public long held() {
            return reports().stream().filter(CrashReport::held).count();
        }
    }

    /** The questions, one per process with siblings, in the order the walk asks them. */
    public static List<StrategyWizard.Question> walk(Design design) {
        return StrategyWizard.questions(design);
    }

    /** Derives every asked supervisor's strategy (and child order) from the answers. */
    public static Derivation derive(Design design, Map<String, Answer> answers) {
        var proposals = StrategyWizard.propose(design, answers);
        return new Derivation(proposals, StrategyWizard.apply(design, proposals));
    }

    /** What the answers say happens when the process at {@code path} dies: a fate per running node. */
    public static Map<String, Fate> expectation(Design design, Map<String, Answer> answers, String path) {
        var out = new LinkedHashMap<String, Fate>();
        for (var p : Tree.staticPaths(design)) if (Tree.runningAtBoot(design, p)) out.put(p, Fate.UNTOUCHED);
        var back = new ArrayList<String>();
        back.add(path);
        var parent = Tree.parent(path);
        if (parent.isPresent()) {
            var siblings = Tree.childPaths(design, parent.get());
            int at = siblings.indexOf(path);
            var answer = answers.getOrDefault(path, Answer.NO);
            for (int i = 0; i < siblings.size(); i++) {
                if (i == at || !Tree.runningAtBoot(design, siblings.get(i))) continue;
                if (answer == Answer.YES_ALL || (answer == Answer.YES_LATER_ONES && i > at)) back.add(siblings.get(i));
            }
        }
        for (var p : back) {
            out.put(p, Fate.RESTARTED);
            for (var d : Tree.descendants(design, p)) if (Tree.runningAtBoot(design, d)) out.put(d, Fate.STARTED_AGAIN);
        }
        return out;
    }

    /** The processes the exercise crashes: every running node but the root, in start order. */
    public static List<String> crashTargets(Design design) {
        var root = design.root().id();
        return Tree.staticPaths(design).stream().filter(p -> !p.equals(root) && Tree.runningAtBoot(design, p)).toList();
    }

    /** Derives the tree from the answers, then crashes each process in it (each in a fresh run with {@code seed}). */
    public static Result run(Design design, Map<String, Answer> answers, long seed) {
        var derivation = derive(design, answers);
        var tree = derivation.design();
        var crashes = new ArrayList<SimulatorCheck.Check>();
        for (var p : crashTargets(tree)) {
            crashes.add(SimulatorCheck.against(tree, p, ExitKind.CRASH, expectation(tree, answers, p), seed));
        }
        return new Result(derivation, crashes);
    }
}
