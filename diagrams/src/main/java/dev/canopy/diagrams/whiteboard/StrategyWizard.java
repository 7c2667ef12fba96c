package dev.canopy.diagrams.whiteboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.supervisor.Strategy;

/**
 * The guided strategy wizard: for each static supervisor with at least two children, it asks of
 * every child "if this dies, should its siblings die too?" and proposes a strategy from the
 * answers: all {@link Answer#NO} → one_for_one; any {@link Answer#YES_ALL} → one_for_all; only
 * {@link Answer#YES_LATER_ONES} → rest_for_one. It also proposes a new child order when a child
 * that others depend on does not start before them (a child answered YES_LATER_ONES with nothing
 * after it; a Registry started after a sibling that registers in it).
 * DynamicSupervisor and Task.Supervisor are always one_for_one, so they get no questions.
 */
public final class StrategyWizard {
    private StrategyWizard() {
    }

    /** The answers to "if this dies, should its siblings die too?". */
    public enum Answer {
        /** Its siblings can go on without it. */
        NO,
        /** Every sibling needs it (or shares state with it): they must all restart together. */
        YES_ALL,
        /** The siblings started after it depend on it. */
        YES_LATER_ONES
    }

    /** One question: about {@code childPath} under {@code supervisorPath}, in words. */
    public record Question(String supervisorPath, String childPath, String text) {
    }

    /**
     * The proposal for one supervisor: the strategy (and the current one), the child ids in the
     * proposed start order (empty when the order is fine), and why.
     */
    public record Proposal(String supervisorPath, Strategy current, Strategy proposed, List<String> reorder, String reason) {
        public Proposal {
            reorder = List.copyOf(reorder);
        }

        public boolean changes() {
            return current != proposed || !reorder.isEmpty();
        }
    }

    /** Every question, supervisor by supervisor, depth first, children in start order. */
    public static List<Question> questions(Design design) {
        var out = new ArrayList<Question>();
        for (var sup : supervisors(design)) {
            var children = Tree.childPaths(design, sup);
            for (var child : children) {
                var others = children.stream().filter(c -> !c.equals(child)).map(Tree::name).toList();
                out.add(new Question(sup, child, "If " + Tree.name(child) + " dies, should its siblings ("
                        + String.join(", ", others) + ") die too?"));
            }
        }
        return out;
    }

    /**
     * The answers a supervisor's one strategy cannot keep: under rest_for_one a child answered
     * "No" still takes the children started after it down with it; under one_for_all every child
     * does. One sentence per such child, naming what happens and what would keep the answer
     * (its own supervisor); empty when the proposals keep every answer.
     */
    public static List<String> unkeptAnswers(Design design, Map<String, Answer> answersByChildPath) {
        var out = new ArrayList<String>();
        for (var p : propose(design, answersByChildPath)) {
            var children = Tree.childPaths(design, p.supervisorPath());
            for (int i = 0; i < children.size(); i++) {
                var child = children.get(i);
                if (answersByChildPath.getOrDefault(child, Answer.NO) != Answer.NO) continue;
                var later = children.subList(i + 1, children.size()).stream().map(Tree::name).toList();
                if (p.proposed() == Strategy.REST_FOR_ONE && !later.isEmpty()) {
                    out.add("You answered No for " + Tree.name(child) + ", but under rest_for_one " + Tree.name(p.supervisorPath())
                            + " also restarts the children started after it (" + String.join(", ", later)
                            + ") when it dies; give it its own supervisor to keep them apart");
                } else if (p.proposed() == Strategy.ONE_FOR_ALL) {
                    out.add("You answered No for " + Tree.name(child) + ", but under one_for_all " + Tree.name(p.supervisorPath())
                            + " restarts all its siblings when it dies; give it its own supervisor to keep them apart");
                }
            }
        }
        return out;
    }

    /** Proposals for every supervisor that has questions; an unanswered child counts as {@link Answer#NO}. */
    public static List<Proposal> propose(Design design, Map<String, Answer> answersByChildPath) {
        var out = new ArrayList<Proposal>();
        for (var sup : supervisors(design)) out.add(proposeFor(design, sup, answersByChildPath));
        return out;
    }

    private static Proposal proposeFor(Design design, String sup, Map<String, Answer> answers) {
        var node = (SupervisorNode) Tree.node(design, sup);
        var children = Tree.childPaths(design, sup);
        var all = children.stream().filter(c -> answers.getOrDefault(c, Answer.NO) == Answer.YES_ALL).map(Tree::name).toList();
        var later = children.stream().filter(c -> answers.getOrDefault(c, Answer.NO) == Answer.YES_LATER_ONES).toList();
        Strategy proposed;
        String reason;
        String supName = Tree.name(sup);
        if (!all.isEmpty()) {
            proposed = Strategy.ONE_FOR_ALL;
            reason = "The siblings of " + String.join(", ", all) + " cannot carry on without "
                    + (all.size() == 1 ? "it" : "them") + ", so one_for_all: when any child of " + supName
                    + " dies, " + supName + " stops the others (in reverse start order) and restarts them all together.";
        } else if (!later.isEmpty()) {
            proposed = Strategy.REST_FOR_ONE;
            reason = "The children started after " + String.join(", ", later.stream().map(Tree::name).toList())
                    + " depend on " + (later.size() == 1 ? "it" : "them") + ", so rest_for_one: when one of these dies, " + supName
                    + " restarts it and every child started after it, while the children started before it keep running.";
        } else {
            proposed = Strategy.ONE_FOR_ONE;
            reason = "No child of " + supName + " needs its siblings to die with it, so one_for_one: a crash restarts only the child that crashed.";
        }
        var order = new ArrayList<>(node.children().stream().map(DesignNode::id).toList());
        var notes = new ArrayList<String>();
        // A child the later ones depend on, with nothing after it: move it first.
        for (var c : later) {
            var id = Tree.name(c);
            if (order.indexOf(id) == order.size() - 1 && order.size() > 1) {
                order.remove(id);
                order.addFirst(id);
                notes.add(id + " is started last, so no sibling starts after it: if the others depend on it, start it first");
            }
        }
        // A Registry must start before the siblings whose workers register in it.
        for (var c : children) {
            if (!(Tree.node(design, c) instanceof RegistryNode)) continue;
            var regId = Tree.name(c);
            int first = Integer.MAX_VALUE;
            for (var s : children) {
                if (s.equals(c)) continue;
                if (registersIn(design, s, regId)) first = Math.min(first, order.indexOf(Tree.name(s)));
            }
            if (first != Integer.MAX_VALUE && first < order.indexOf(regId)) {
                var user = order.get(first);
                order.remove(regId);
                order.add(first, regId);
                notes.add(regId + " is a Registry that " + user + " registers in, so it must start before " + user);
            }
        }
        var current = node.children().stream().map(DesignNode::id).toList();
        List<String> reorder = order.equals(current) ? List.of() : order;
        if (!reorder.isEmpty()) reason += " Reorder the children to " + String.join(", ", reorder) + ": " + String.join("; ", notes) + ".";
        return new Proposal(sup, node.strategy(), proposed, reorder, reason);
    }

    private static boolean registersIn(Design design, String path, String registryId) {
        var paths = new ArrayList<String>();
        paths.add(path);
        paths.addAll(Tree.descendants(design, path));
        for (var p : paths) {
            if (Tree.node(design, p) instanceof WorkerNode w && w.naming() instanceof Naming.Via via && via.registryId().equals(registryId)) {
                return true;
            }
        }
        return false;
    }

    /** A new design with every proposal applied (strategy and order); the argument is not changed. */
    public static Design apply(Design design, List<Proposal> proposals) {
        var out = design;
        for (var p : proposals) {
            var node = DesignPaths.find(out, p.supervisorPath()).orElseThrow(
                    () -> new IllegalArgumentException("no supervisor at '" + p.supervisorPath() + "'"));
            if (!(node instanceof SupervisorNode sup)) {
                throw new IllegalArgumentException("'" + p.supervisorPath() + "' is a " + node.kind().jsonName() + ", not a supervisor");
            }
            var changed = sup.withStrategy(p.proposed());
            if (!p.reorder().isEmpty()) {
                Map<String, DesignNode> byId = new LinkedHashMap<>();
                for (var c : sup.children()) byId.put(c.id(), c);
                if (!byId.keySet().equals(new java.util.HashSet<>(p.reorder())) || p.reorder().size() != byId.size()) {
                    throw new IllegalArgumentException("the proposed order " + p.reorder() + " is not a reordering of " + byId.keySet());
                }
                changed = changed.withChildren(p.reorder().stream().map(byId::get).toList());
            }
            out = DesignPaths.replace(out, p.supervisorPath(), changed);
        }
        return out;
    }

    /** Static supervisors with at least two children, depth first. */
    private static List<String> supervisors(Design design) {
        return Tree.staticPaths(design).stream()
                .filter(p -> Tree.node(design, p) instanceof SupervisorNode s && s.children().size() >= 2).toList();
    }

    /** The proposal for one supervisor, if it has questions. */
    public static Optional<Proposal> proposalFor(Design design, String supervisorPath, Map<String, Answer> answers) {
        return propose(design, answers).stream().filter(p -> p.supervisorPath().equals(supervisorPath)).findFirst();
    }
}
