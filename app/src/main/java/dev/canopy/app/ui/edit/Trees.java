package dev.canopy.app.ui.edit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;

/** Small tree helpers shared by the edit commands, the drop planner and the editor. */
public final class Trees {

    private static final Pattern NUMBERED = Pattern.compile("(.*)_(\\d+)");

    private Trees() {
    }

    /** The word the menus use for a kind: "Worker", "Supervisor", "Task.Supervisor" ... */
    public static String title(DesignKind kind) {
        return switch (kind) {
            case SUPERVISOR -> "Supervisor";
            case DYNAMIC_SUPERVISOR -> "DynamicSupervisor";
            case WORKER -> "Worker";
            case TASK_SUPERVISOR -> "Task.Supervisor";
            case REGISTRY -> "Registry";
        };
    }

    /** "Worker 'cache'". */
    public static String describe(DesignNode node) {
        return title(node.kind()) + " '" + node.id() + "'";
    }

    /** The prefix of fresh ids for nodes dropped from the palette: worker_1, sup_1 ... */
    public static String idPrefix(DesignKind kind) {
        return switch (kind) {
            case SUPERVISOR -> "sup";
            case DYNAMIC_SUPERVISOR -> "dynamic_sup";
            case WORKER -> "worker";
            case TASK_SUPERVISOR -> "task_sup";
            case REGISTRY -> "registry";
        };
    }

    /** {@code parent/id}, or {@code id} for the root. */
    public static String childPath(String parentPath, String id) {
        return parentPath == null || parentPath.isEmpty() ? id : parentPath + "/" + id;
    }

    /** The last id of a path. */
    public static String lastId(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** True when {@code path} is {@code ancestor} or lies below it. */
    public static boolean within(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + "/");
    }

    /** Index of the child with this id among the static children, or -1. */
    public static int indexOf(DesignNode parent, String id) {
        List<DesignNode> children = parent.children();
        for (int i = 0; i < children.size(); i++) if (children.get(i).id().equals(id)) return i;
        return -1;
    }

    /** True when the node at {@code path} is a dynamic supervisor's child template. */
    public static boolean isChildTemplate(Design design, String path) {
        return DesignPaths.parentOf(design, path).filter(p -> p instanceof DynamicSupervisorNode).isPresent();
    }

    /** The node at the path, or an {@link EditException} saying it is not there. */
    public static DesignNode require(Design design, String path) {
        return DesignPaths.find(design, path).orElseThrow(() -> new EditException("there is no node at '" + path + "'"));
    }

    /** The supervisor at the path, or an {@link EditException} saying why it cannot hold children. */
    public static SupervisorNode requireSupervisor(Design design, String path) {
        DesignNode node = require(design, path);
        if (node instanceof SupervisorNode sup) return sup;
        throw new EditException(cannotHoldChildren(node));
    }

    /** Why this node cannot hold static children, as a sentence. */
    public static String cannotHoldChildren(DesignNode node) {
        return switch (node.kind()) {
            case WORKER -> "a Worker cannot have children ('" + node.id() + "' is a worker)";
            case REGISTRY -> "a Registry cannot have children ('" + node.id() + "' is a registry)";
            case DYNAMIC_SUPERVISOR -> "a DynamicSupervisor starts its children on demand and has no static children "
                    + "('" + node.id() + "'); give it a child template instead";
            case TASK_SUPERVISOR -> "a Task.Supervisor runs tasks on demand and has no static children ('"
                    + node.id() + "')";
            case SUPERVISOR -> "'" + node.id() + "' can have children";
        };
    }

    /** Checks an id typed or pasted: '/' would break paths. */
    public static void checkIdShape(String id) {
        if (id.contains("/")) throw new EditException("an id cannot contain '/' (ids make up the paths of nodes)");
    }

    /** Every id used anywhere in the design (child templates included). */
    public static Set<String> allIds(Design design) {
        Set<String> ids = new HashSet<>();
        collectIds(design.root(), ids);
        return ids;
    }

    private static void collectIds(DesignNode node, Set<String> ids) {
        ids.add(node.id());
        for (DesignNode c : node.children()) collectIds(c, ids);
        if (node instanceof DynamicSupervisorNode d) d.childTemplate().ifPresent(t -> ids.add(t.id()));
    }

    /**
     * {@code base} when free, else the first free {@code stem_N} from 2 (a trailing {@code _N} of
     * {@code base} is replaced): cache → cache_2, cache_2 → cache_3. Adds the result to {@code taken}.
     */
    public static String uniqueId(String base, Set<String> taken) {
        String id = base;
        if (taken.contains(base)) {
            Matcher m = NUMBERED.matcher(base);
            String stem = m.matches() ? m.group(1) : base;
            int n = 2;
            if (m.matches()) {
                try {
                    n = Math.max(2, Integer.parseInt(m.group(2)) + 1);
                } catch (NumberFormatException e) {
                    n = 2;
                }
            }
            while (taken.contains(stem + "_" + n)) n++;
            id = stem + "_" + n;
        }
        taken.add(id);
        return id;
    }

    /** A fresh palette id for the kind: the first free {@code prefix_N} from 1 (worker_1, sup_1 ...). */
    public static String freshId(Design design, DesignKind kind) {
        Set<String> taken = allIds(design);
        String prefix = idPrefix(kind);
        int n = 1;
        while (taken.contains(prefix + "_" + n)) n++;
        return prefix + "_" + n;
    }

    /**
     * A copy of {@code subtree} whose ids are not used anywhere in {@code design} (nor twice in
     * the copy); via names that point at a registry renamed inside the copy follow it.
     */
    public static DesignNode withUniqueIds(DesignNode subtree, Design design) {
        Set<String> taken = allIds(design);
        Map<String, String> renamedRegistries = new HashMap<>();
        DesignNode renamed = rename(subtree, taken, renamedRegistries);
        return renamedRegistries.isEmpty() ? renamed : retarget(renamed, renamedRegistries);
    }

    private static DesignNode rename(DesignNode node, Set<String> taken, Map<String, String> registries) {
        String id = uniqueId(node.id(), taken);
        if (node.kind() == DesignKind.REGISTRY && !id.equals(node.id())) registries.put(node.id(), id);
        DesignNode out = node.withId(id);
        if (out instanceof SupervisorNode sup) {
            out = sup.withChildren(sup.children().stream().map(c -> rename(c, taken, registries)).toList());
        } else if (out instanceof DynamicSupervisorNode d && d.childTemplate().isPresent()) {
            out = d.withChildTemplate(Optional.of((WorkerNode) rename(d.childTemplate().get(), taken, registries)));
        }
        return out;
    }

    private static DesignNode retarget(DesignNode node, Map<String, String> registries) {
        return switch (node) {
            case WorkerNode w when w.naming() instanceof Naming.Via v && registries.containsKey(v.registryId()) ->
                    w.withNaming(new Naming.Via(registries.get(v.registryId()), v.key()));
            case SupervisorNode s -> s.withChildren(s.children().stream().map(c -> retarget(c, registries)).toList());
            case DynamicSupervisorNode d when d.childTemplate().isPresent() ->
                    d.withChildTemplate(Optional.of((WorkerNode) retarget(d.childTemplate().get(), registries)));
            default -> node;
        };
    }
}
