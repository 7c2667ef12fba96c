package dev.canopy.diagrams.whiteboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Strategy;

/**
 * "What if this dies?": predicts, from the design alone, what the supervisors do when one node
 * ends, following OTP (shared/conformance/SEMANTICS.md §6, §7, §11): the restart type × reason
 * table, one_for_one / one_for_all / rest_for_one (the group is the failed child and the children
 * started after it), temporary children dropped from group restarts, transient children restarted
 * by a group restart, the restart intensity (a group restart is one restart), giving up and
 * escalating to the parent, significant children with auto_shutdown, DynamicSupervisor and
 * Task.Supervisor as one_for_one, and a Registry taking its registered (non-trapping) workers
 * down with it because it is linked to them.
 *
 * <p>Assumes every node is running as after boot (nodes whose first init returns ignore are not)
 * and that the supervisor's restart history is empty. Pure: no simulation runs.
 */
public final class WhatIf {
    private WhatIf() {
    }

    private enum Fate { RESTARTED, STARTED_AGAIN, STOPPED }

    /** What happens when the node at {@code path} ends with {@code kind}. */
    public static Prediction predict(Design design, String path, ExitKind kind) {
        Tree.node(design, path);
        var sup = Tree.parent(path).orElse("");
        var first = run(design, path, kind, Map.of());
        var budget = budget(design, path, kind, sup, first);
        return first.toPrediction(budget);
    }

    // ---- budget ------------------------------------------------------------------------------

    private static Prediction.Budget budget(Design design, String path, ExitKind kind, String sup, Cascade first) {
        if (sup.isEmpty()) {
            return new Prediction.Budget("", 0, 0, false, 0, OptionalInt.empty(), Optional.empty(),
                    "The root has no supervisor in the tree: when it exits, the whole application stops.");
        }
        var supNode = Tree.node(design, sup);
        int max = Tree.maxRestarts(supNode), secs = Tree.maxSeconds(supNode);
        boolean counts = needsRestart(design, path, kind);
        String supName = Tree.name(sup);
        if (!counts) {
            return new Prediction.Budget(sup, max, secs, false, 0, OptionalInt.empty(), Optional.empty(),
                    "This exit needs no restart, so it costs nothing from " + supName + "'s restart budget ("
                            + Tree.restarts(max) + " in " + Tree.seconds(secs) + "): it can happen any number of times.");
        }
        int giveUpAt = max + 1;
        var seeded = new HashMap<String, Integer>();
        seeded.put(sup, max);
        var exceeded = run(design, path, kind, seeded).toPrediction(
                new Prediction.Budget(sup, max, secs, true, giveUpAt, OptionalInt.empty(), Optional.empty(), ""));
        var toStop = crashesToStopTree(design, sup, giveUpAt);
        var text = new StringBuilder();
        text.append(supName).append(" allows ").append(Tree.restarts(max)).append(" in ").append(Tree.seconds(secs))
                .append(" (shared by all its children). ");
        if (max == 0) {
            text.append("With max_restarts 0, the very first restart is one too many: ").append(supName).append(" gives up at once. ");
        } else {
            text.append("If this happens ").append(giveUpAt).append(" times within ").append(Tree.seconds(secs))
                    .append(", the restart number ").append(giveUpAt).append(" exceeds it: ").append(supName)
                    .append(" gives up, stops all its children and exits with :shutdown. ");
        }
        text.append(exceeded.escalation().text());
        if (toStop.isPresent() && first.escalation.level() != Prediction.Escalation.Level.WHOLE_TREE_STOPS) {
            text.append(" Restart budgets multiply up the tree: ").append(toStop.getAsInt())
                    .append(" occurrences in quick succession stop the whole tree.");
        }
        return new Prediction.Budget(sup, max, secs, true, giveUpAt, toStop, Optional.of(exceeded), text.toString().trim());
    }

    /** Whether the supervisor restarts this child after this exit (restart type × reason). */
    static boolean needsRestart(Design design, String path, ExitKind kind) {
        if (Tree.parent(path).isEmpty()) return false;
        return switch (Tree.restart(design, path)) {
            case PERMANENT -> true;
            case TRANSIENT -> kind == ExitKind.CRASH;
            case TEMPORARY -> false;
        };
    }

    /** Quick occurrences needed to stop the root, if escalation reaches it: the product of (max + 1). */
    private static OptionalInt crashesToStopTree(Design design, String sup, int giveUpAt) {
        long n = giveUpAt;
        var cur = sup;
        while (true) {
            var up = Tree.parent(cur);
            if (up.isEmpty()) return n > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) n);
            var node = Tree.node(design, cur);
            if (node.spec().restart() != Restart.PERMANENT) return OptionalInt.empty();
            n *= Tree.maxRestarts(Tree.node(design, up.get())) + 1L;
            cur = up.get();
        }
    }

    // ---- the cascade ------------------------------------------------------------------------

    private static Cascade run(Design design, String path, ExitKind kind, Map<String, Integer> seededAttempts) {
        var c = new Cascade(design, path, kind, seededAttempts);
        c.start();
        return c;
    }

    private static final class Cascade {
        final Design d;
        final String origin;
        final ExitKind kind;
        final Map<String, Integer> attempts = new HashMap<>();
        final Map<String, Fate> fate = new LinkedHashMap<>();
        final Map<String, List<String>> why = new LinkedHashMap<>();
        final Set<String> running = new LinkedHashSet<>();
        final Set<String> exitedOnTheirOwn = new LinkedHashSet<>();
        Prediction.Escalation escalation;

        Cascade(Design d, String origin, ExitKind kind, Map<String, Integer> seeded) {
            this.d = d;
            this.origin = origin;
            this.kind = kind;
            attempts.putAll(seeded);
            for (var p : Tree.staticPaths(d)) if (Tree.runningAtBoot(d, p)) running.add(p);
            if (!running.contains(origin)) running.add(origin);
        }

        void start() {
            var n = Tree.node(d, origin);
            var name = Tree.name(origin);
            if (Tree.isSupervisorKind(n) && !Tree.descendants(d, origin).isEmpty()) {
                if (kind == ExitKind.CRASH) {
                    for (var c : reversed(Tree.descendants(d, origin))) {
                        if (running.contains(c)) stop(c, Tree.name(c) + " dies with " + name
                                + ": a supervisor is linked to its children, so when it is killed they get the exit signal and die too.");
                    }
                } else {
                    stopChildren(origin, " because " + name + " is stopping (a supervisor stops its children in reverse start order before it exits).");
                }
            }
            say(origin, name + " " + kind.phrase() + ".");
            exit(origin, kind, true);
            if (escalation == null) {
                escalation = new Prediction.Escalation(Prediction.Escalation.Level.NONE, "",
                        "The failure stays with " + Tree.parent(origin).map(Tree::name).orElse("the root") + ": no supervisor exits.");
            }
        }

        /** The node at path has ended by itself (children already handled) with kind. */
        void exit(String path, ExitKind how, boolean childrenHandled) {
            running.remove(path);
            fate.put(path, Fate.STOPPED);
            var up = Tree.parent(path);
            var name = Tree.name(path);
            if (up.isEmpty()) {
                for (var p : reversed(new ArrayList<>(running))) stop(p, Tree.name(p) + " stops because the root " + name + " exits.");
                escalation = new Prediction.Escalation(Prediction.Escalation.Level.WHOLE_TREE_STOPS, path,
                        name + ", the root of the tree, exits, so the whole tree stops (the application terminates).");
                return;
            }
            var sup = up.get();
            var supNode = Tree.node(d, sup);
            var supName = Tree.name(sup);
            var node = Tree.node(d, path);
            var restart = node.spec().restart();
            boolean significant = node.spec().significant();
            switch (restart) {
                case TEMPORARY -> {
                    say(path, name + " is temporary, so " + supName + " drops its child spec and never restarts it, whatever the reason.");
                    if (significant) significantEnded(sup, path);
                }
                case TRANSIENT -> {
                    if (how == ExitKind.CRASH) restart(sup, path, how);
                    else {
                        say(path, name + " is transient and " + how.reasonText() + " is a normal exit for it, so " + supName
                                + " keeps its spec but leaves it stopped (restart_child or a later one_for_all/rest_for_one restart starts it again).");
                        if (significant) significantEnded(sup, path);
                    }
                }
                case PERMANENT -> restart(sup, path, how);
            }
            if (how != ExitKind.NORMAL && node instanceof RegistryNode) registryDown(path, how);
        }

        /** A Registry is linked to the processes registered in it: non-trapping ones die with it. */
        void registryDown(String registryPath, ExitKind how) {
            var registryId = Tree.name(registryPath);
            for (var p : Tree.staticPaths(d)) {
                if (!(Tree.node(d, p) instanceof WorkerNode w)) continue;
                if (!(w.naming() instanceof Naming.Via via) || !via.registryId().equals(registryId)) continue;
                if (w.sim().trapExit() || fate.containsKey(p) || !running.contains(p)) continue;
                say(p, Tree.name(p) + " registered its name in " + registryId + ", and a Registry is linked to the processes registered in it, so "
                        + Tree.name(p) + " dies with it.");
                exit(p, how == ExitKind.CRASH ? ExitKind.CRASH : how, true);
            }
        }

        void restart(String sup, String failed, ExitKind how) {
            var supNode = Tree.node(d, sup);
            var supName = Tree.name(sup);
            var name = Tree.name(failed);
            int max = Tree.maxRestarts(supNode), secs = Tree.maxSeconds(supNode);
            int n = attempts.merge(sup, 1, Integer::sum);
            if (n > max) {
                giveUp(sup, failed, n, max, secs);
                return;
            }
            var restartType = Tree.node(d, failed).spec().restart();
            var strategy = Tree.strategy(supNode);
            var children = Tree.childPaths(d, sup);
            List<String> group = switch (strategy) {
                case ONE_FOR_ONE -> List.of(failed);
                case ONE_FOR_ALL -> children;
                case REST_FOR_ONE -> children.indexOf(failed) < 0 ? List.of(failed)
                        : children.subList(children.indexOf(failed), children.size());
            };
            String strategyText = strategyWord(supNode);
            // Stop the rest of the group in reverse start order, then start the group in start order.
            for (var s : reversed(group)) {
                if (s.equals(failed) || !running.contains(s)) continue;
                var sNode = Tree.node(d, s);
                if (sNode.spec().restart() == Restart.TEMPORARY) {
                    stop(s, supName + " stops " + Tree.name(s) + " because its sibling " + name + " " + how.phrase()
                            + " and the strategy is " + strategyText + "; " + Tree.name(s)
                            + " is temporary, so it is dropped and not started again.");
                }
            }
            for (var s : group) {
                if (s.equals(failed)) {
                    restarted(s, supName + " restarts " + name + " because it is " + restartType.atom()
                            + (restartType == Restart.TRANSIENT ? " and crashed" : "") + " (restart " + n + " of the "
                            + max + " allowed in " + Tree.seconds(secs) + ").");
                    continue;
                }
                var sNode = Tree.node(d, s);
                if (sNode.spec().restart() == Restart.TEMPORARY) continue;
                if (running.contains(s)) {
                    restarted(s, supName + " stops " + Tree.name(s) + " and starts it again because its sibling " + name + " "
                            + how.phrase() + " and the strategy is " + strategyText + ".");
                } else if (!fate.containsKey(s) && initAgain(sNode) == InitOutcome.OK) {
                    restarted(s, supName + " starts " + Tree.name(s) + " again although it was not running, because its sibling "
                            + name + " " + how.phrase() + " and a " + strategyText + " restart starts every child that has a spec.");
                }
            }
        }

        void giveUp(String sup, String failed, int n, int max, int secs) {
            var supName = Tree.name(sup);
            say(failed, Tree.name(failed) + " is not restarted: " + supName + " gives up instead.");
            say(sup, supName + " gives up: this would be restart " + n + " within " + Tree.seconds(secs) + " but max_restarts is "
                    + max + ". It stops all its children in reverse start order and exits with :shutdown.");
            exitedOnTheirOwn.add(sup);
            stopChildren(sup, " because " + supName + " gave up.");
            exit(sup, ExitKind.SHUTDOWN, true);
            settleEscalation(sup);
        }

        void significantEnded(String sup, String child) {
            var supNode = Tree.node(d, sup);
            var supName = Tree.name(sup);
            var auto = Tree.autoShutdown(supNode);
            if (auto == AutoShutdown.NEVER) return;
            if (auto == AutoShutdown.ALL_SIGNIFICANT) {
                var others = Tree.childPaths(d, sup).stream()
                        .filter(c -> !c.equals(child) && running.contains(c) && Tree.node(d, c).spec().significant()).toList();
                if (!others.isEmpty()) {
                    say(child, supName + " keeps running: with auto_shutdown all_significant it waits until its other significant children ("
                            + String.join(", ", others.stream().map(Tree::name).toList()) + ") have ended too.");
                    return;
                }
            }
            say(sup, supName + " shuts itself down: its significant child " + Tree.name(child) + " ended by itself and auto_shutdown is "
                    + auto.atom() + ". It stops its other children and exits with :shutdown (no restart is counted).");
            exitedOnTheirOwn.add(sup);
            stopChildren(sup, " because " + supName + " shuts itself down (auto_shutdown).");
            exit(sup, ExitKind.SHUTDOWN, true);
            settleEscalation(sup);
        }

        /** After a supervisor exited on its own: the topmost such supervisor sets the escalation level. */
        void settleEscalation(String sup) {
            if (escalation != null && escalation.level() == Prediction.Escalation.Level.WHOLE_TREE_STOPS) return;
            if (escalation != null && escalation.supervisorPath().length() < sup.length()) return;
            var name = Tree.name(sup);
            var f = fate.get(sup);
            var parentName = Tree.parent(sup).map(Tree::name).orElse("");
            if (f == Fate.RESTARTED) {
                escalation = new Prediction.Escalation(Prediction.Escalation.Level.PARENT_RESTARTS_SUPERVISOR, sup,
                        "The failure escalates: " + name + " exits with :shutdown and " + parentName
                                + " restarts it with a fresh subtree (one restart in " + parentName + "'s own budget).");
            } else {
                var restart = Tree.node(d, sup).spec().restart();
                escalation = new Prediction.Escalation(Prediction.Escalation.Level.SUPERVISOR_STAYS_DOWN, sup,
                        "The failure escalates: " + name + " exits with :shutdown and, being " + restart.atom() + ", stays stopped"
                                + (restart == Restart.TRANSIENT ? " (:shutdown is a normal exit for a transient child), so escalation stops there."
                                : "."));
            }
        }

        void stopChildren(String sup, String because) {
            for (var c : reversed(Tree.childPaths(d, sup))) {
                if (!running.contains(c)) continue;
                stop(c, Tree.name(sup) + " stops " + Tree.name(c) + because);
            }
        }

        void stop(String path, String sentence) {
            for (var c : reversed(Tree.descendants(d, path))) {
                if (running.remove(c)) {
                    fate.put(c, Fate.STOPPED);
                    say(c, Tree.name(c) + " stops with " + Tree.name(path) + ".");
                }
            }
            running.remove(path);
            fate.put(path, Fate.STOPPED);
            say(path, sentence);
        }

        void restarted(String path, String sentence) {
            fate.put(path, Fate.RESTARTED);
            running.add(path);
            say(path, sentence);
            for (var c : Tree.descendants(d, path)) {
                if (!Tree.runningAtBoot(d, c)) continue;
                running.add(c);
                fate.put(c, Fate.STARTED_AGAIN);
                say(c, Tree.name(c) + " is started again (a new process) as part of " + Tree.name(path) + "'s fresh subtree.");
            }
        }

        void say(String path, String sentence) {
            why.computeIfAbsent(path, k -> new ArrayList<>()).add(sentence);
        }

        Prediction toPrediction(Prediction.Budget budget) {
            var restarted = new LinkedHashSet<String>();
            var again = new LinkedHashSet<String>();
            var stopped = new LinkedHashSet<String>();
            var untouched = new LinkedHashSet<String>();
            var explanations = new LinkedHashMap<String, String>();
            for (var p : Tree.staticPaths(d)) {
                var f = fate.get(p);
                if (f == null) {
                    if (Tree.runningAtBoot(d, p)) untouched.add(p);
                    continue;
                }
                switch (f) {
                    case RESTARTED -> restarted.add(p);
                    case STARTED_AGAIN -> again.add(p);
                    case STOPPED -> stopped.add(p);
                }
            }
            if (!Tree.staticPaths(d).contains(origin)) {
                var f = fate.get(origin);
                if (f == Fate.RESTARTED) restarted.add(origin);
                else if (f == Fate.STOPPED) stopped.add(origin);
            }
            for (var e : why.entrySet()) explanations.put(e.getKey(), String.join(" ", e.getValue()));
            return new Prediction(origin, kind, Tree.parent(origin).orElse(""), restarted, again, stopped, untouched,
                    explanations, escalation, budget, summary(restarted, again, stopped, untouched));
        }

        String summary(Set<String> restarted, Set<String> again, Set<String> stopped, Set<String> untouched) {
            var s = new StringBuilder("If ").append(Tree.name(origin)).append(' ').append(kind.phrase()).append(": ");
            s.append(list("restarted", restarted)).append(list("started again with their supervisor", again))
                    .append(list("stopped for good", stopped));
            s.append(untouched.size()).append(untouched.size() == 1 ? " other node is" : " other nodes are").append(" untouched. ");
            s.append(escalation.text());
            return s.toString().trim();
        }

        private static String list(String label, Set<String> paths) {
            if (paths.isEmpty()) return "";
            return label + ": " + String.join(", ", paths.stream().map(Tree::name).toList()) + "; ";
        }

        private static InitOutcome initAgain(DesignNode n) {
            return n instanceof WorkerNode w ? w.sim().init().outcomeFor(2) : InitOutcome.OK;
        }
    }

    static String strategyWord(DesignNode supNode) {
        if (supNode instanceof dev.canopy.diagrams.design.SupervisorNode s) return s.strategy().atom();
        return Strategy.ONE_FOR_ONE.atom() + " (a " + Tree.kindWord(supNode) + " is always one_for_one)";
    }

    private static <T> List<T> reversed(List<T> list) {
        var out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }
}
