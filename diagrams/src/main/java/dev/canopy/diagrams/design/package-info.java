/**
 * The design model of a supervision tree and its file form, {@code *.canopy.json}.
 *
 * <h2>Model (immutable records; withers for the editor)</h2>
 * <ul>
 * <li>{@link dev.canopy.diagrams.design.Design}{@code (int format, String name, String description,
 *     int clusterNodes, DesignNode root, List<Step> faultScript)}; {@code format} is
 *     {@link dev.canopy.diagrams.design.Design#FORMAT} (1); {@code faultScript} holds the steps of
 *     shared/conformance/FORMAT.md ({@link dev.canopy.engine.scenario.Step}).</li>
 * <li>sealed {@link dev.canopy.diagrams.design.DesignNode}: {@code id()}, {@code label()},
 *     {@code notes()} ({@code ""} when absent), {@code spec()}, {@code kind()},
 *     {@code children()} (non-empty only for a supervisor), permits
 *     <ul>
 *     <li>{@link dev.canopy.diagrams.design.SupervisorNode}{@code (id, label, notes, spec,
 *         InitBehaviour init, Strategy strategy, int maxRestarts, int maxSeconds,
 *         AutoShutdown autoShutdown, List<DesignNode> children)}: OTP defaults one_for_one, 1, 5,
 *         never;</li>
 *     <li>{@link dev.canopy.diagrams.design.DynamicSupervisorNode}{@code (id, label, notes, spec,
 *         InitBehaviour init, int maxRestarts, int maxSeconds, int maxChildren,
 *         List<String> extraArguments, Optional<WorkerNode> childTemplate)}: Elixir defaults 3, 5,
 *         infinity ({@code maxChildren == -1}); {@code childTemplate} is what it starts on
 *         demand;</li>
 *     <li>{@link dev.canopy.diagrams.design.WorkerNode}{@code (id, label, notes, spec,
 *         WorkerSim sim, Naming naming)}: a GenServer;</li>
 *     <li>{@link dev.canopy.diagrams.design.TaskSupervisorNode}{@code (id, label, notes, spec,
 *         int maxRestarts, int maxSeconds, int maxChildren)}: a DynamicSupervisor of temporary
 *         tasks (3, 5, infinity);</li>
 *     <li>{@link dev.canopy.diagrams.design.RegistryNode}{@code (id, label, notes, spec,
 *         RegistryNode.Keys keys, int partitions)}: UNIQUE | DUPLICATE, default UNIQUE, 1.</li>
 *     </ul></li>
 * <li>{@link dev.canopy.diagrams.design.ChildSpecFields}{@code (String startModule,
 *     String startFunction, List<String> args, Restart restart, Shutdown shutdown,
 *     boolean significant, List<String> modules)}: OTP child-spec fields; {@code type} is implied
 *     by the kind ({@link dev.canopy.diagrams.design.DesignKind#childType()}: only a worker is a
 *     worker; a Registry is a supervisor). {@code startModule ""} = not given (derive it from the
 *     id); {@code startFunction} defaults to {@code start_link}; {@code args} and
 *     {@code extraArguments} are plain terms as source text; {@code modules} empty = OTP's default
 *     {@code [startModule]}. Defaults: permanent, 5000 ms for a worker and {@code infinity} for
 *     every other kind, not significant. The child-spec fields are ignored on the root.</li>
 * <li>{@link dev.canopy.diagrams.design.WorkerSim}{@code (long initDurationMs, InitBehaviour init,
 *     boolean trapExit, long terminateMs, Dependency dependency, long callLatencyMs,
 *     double messageRatePerSecond, String crashOnMessage, CallPlan calls)}; {@code crashOnMessage}
 *     null = none; {@code calls} null = the worker calls no one.</li>
 * <li>{@link dev.canopy.diagrams.design.Dependency}{@code (Kind kind, Connect connect,
 *     long backoffMs, List<Outage> outages)}: kind NONE | LOCAL | REMOTE, connect SYNC_IN_INIT |
 *     ASYNC_WITH_BACKOFF; {@link dev.canopy.diagrams.design.Outage}{@code (long fromMs, long toMs)}.</li>
 * <li>{@link dev.canopy.diagrams.design.CallPlan}{@code (String target, long everyMs, CallPolicy policy,
 *     long retryInMs, int maxAttempts, long timeoutMs)}: policy RETRY | QUEUE | IGNORE | ALERT.</li>
 * <li>sealed {@link dev.canopy.diagrams.design.Naming}: {@code None()}, {@code Local(name)},
 *     {@code Global(name)}, {@code Via(registryId, key)} ({@code registryId} = the id of a
 *     RegistryNode of the design).</li>
 * </ul>
 *
 * <h2>Operations</h2>
 * <ul>
 * <li>{@link dev.canopy.diagrams.design.DesignReader#parse(String, String)} and
 *     {@link dev.canopy.diagrams.design.DesignFiles#load(java.nio.file.Path)} give a
 *     {@link dev.canopy.diagrams.design.LoadResult}: {@code Loaded(design, warnings, lines)} or
 *     {@code Failed(problems)}.</li>
 * <li>{@link dev.canopy.diagrams.design.DesignWriter#write(Design)}: canonical text;
 *     {@link dev.canopy.diagrams.design.DesignFiles#save(java.nio.file.Path, Design)} writes it
 *     atomically (temporary file in the same directory, then an atomic move).</li>
 * <li>{@link dev.canopy.diagrams.design.DesignValidator#validate(Design)}: every rule broken, as
 *     {@link dev.canopy.diagrams.design.DesignProblem}{@code (file, jsonPath, line, severity,
 *     message)} with JSON paths such as {@code $.tree.children[2].restart} (line 0 and file "";
 *     {@link dev.canopy.diagrams.design.SourceLines#locate} adds them).</li>
 * <li>{@link dev.canopy.diagrams.design.DesignPaths}: find, parent, replace, insert, remove, move
 *     by slash path of ids ({@code root/sub/a}, the same paths as step targets).</li>
 * <li>{@link dev.canopy.diagrams.design.ToScenario}: Design → engine
 *     {@link dev.canopy.engine.scenario.Scenario} (task_supervisor → dynamic_supervisor,
 *     registry → worker) so the engine can run a design.</li>
 * <li>{@link dev.canopy.diagrams.design.ErlangNames}: atom/alias checks and quoting for
 *     exporters.</li>
 * </ul>
 *
 * <h2>File format 1 ({@code *.canopy.json})</h2>
 * A strict superset of the conformance scenario JSON (shared/conformance/FORMAT.md): a scenario
 * file opens as a design (no {@code "format"} key = format 1). Top level, in the order written:
 * <pre>
 * {"format": 1, "name": "...", "description": "...", "cluster_nodes": 1, "tree": NODE, "steps": [STEP...]}
 * </pre>
 * Every node: {@code id}, {@code kind} ({@code supervisor} | {@code dynamic_supervisor} |
 * {@code worker} | {@code task_supervisor} | {@code registry}; default supervisor for the root,
 * worker elsewhere), {@code label}, {@code notes},
 * {@code start: {"module": "MyApp.Repo", "function": "start_link", "args": ["..."]}},
 * {@code restart}, {@code shutdown} (ms | "brutal_kill" | "infinity"), {@code significant},
 * {@code modules: ["..."]}; then by kind:
 * <ul>
 * <li>supervisor: {@code init}, {@code strategy}, {@code max_restarts}, {@code max_seconds},
 *     {@code auto_shutdown}, {@code children};</li>
 * <li>dynamic_supervisor: {@code init}, {@code max_restarts}, {@code max_seconds},
 *     {@code max_children} (integer | "infinity"), {@code extra_arguments: ["..."]},
 *     {@code child_template} (a worker node or null);</li>
 * <li>worker: {@code init}, {@code trap_exit}, {@code terminate_ms},
 *     {@code name: {"scope": "none"|"local"|"global"|"via", "name": "...", "registry": ID, "key": "..."}},
 *     {@code sim: {"init_ms": 0, "dependency": {"kind": "none"|"local"|"remote",
 *     "connect": "sync_in_init"|"async_with_backoff", "backoff_ms": 0, "outages": [{"from_ms": 0,
 *     "to_ms": 1500}]}, "call_latency_ms": 0, "message_rate_per_s": 0.0, "crash_on": null,
 *     "calls": {"target": "root/svc", "every_ms": 500, "policy": "retry"|"queue"|"ignore"|"alert",
 *     "retry_in_ms": 200, "max_attempts": 3, "timeout_ms": 1000}}};
 *     {@code outages} and {@code calls} are written only when present, and are simulator-only: the
 *     exporters leave them out (an exported worker is a GenServer stub), as they do every
 *     {@code sim} field.</li>
 * <li>task_supervisor: {@code max_restarts}, {@code max_seconds}, {@code max_children};</li>
 * <li>registry: {@code keys} ("unique" | "duplicate"), {@code partitions}.</li>
 * </ul>
 * After {@code steps}, optionally, {@code "lab_steps": [LAB_STEP...]}: the pattern lab's
 * simulator-only steps ({@link dev.canopy.diagrams.design.LabAction}; written only when there are
 * any; never exported, never part of a conformance scenario), each {@code at_ms} (not decreasing)
 * and {@code do}:
 * <ul>
 * <li>{@code fan_out}: {@code target} (a worker), {@code collect} (await_many | yield_many |
 *     async_nolink: needs a task_supervisor beside the worker), {@code shards} (items per task;
 *     0 = a task that raises), {@code item_ms} (100), {@code deadline_ms} (5000);</li>
 * <li>{@code request}: {@code target} (the boundary worker), {@code trace_id}, {@code budget_ms},
 *     {@code hops} (workers called one after the other), {@code hop_ms} (100);</li>
 * <li>{@code timed_job}: {@code target}, {@code work_ms}; {@code jump_system_time}: {@code by_ms}
 *     (negative: back);</li>
 * <li>{@code demo}: {@code target}, {@code demo} (iodata | money | recursion), {@code size} (1000).</li>
 * <li>network (cluster_nodes above 1): {@code partition}: {@code groups}; {@code heal};
 *     {@code delay_link}: {@code between} (two nodes), {@code ms}; {@code stop_node},
 *     {@code start_node}: {@code node}; {@code call_from}: {@code node} (where the client runs),
 *     {@code target} (a worker), {@code timeout_ms} (5000), optional {@code to_node} (call that
 *     node's copy, {@code {Name, :"a@host"}}, instead of the global name or the caller's own copy;
 *     written only when set, so older files stay byte-identical).</li>
 * </ul>
 * The writer writes every key (defaults included) in this order, 2-space indented, with a trailing
 * newline, so load → save → load → save is byte-identical. A {@code "format"} above 1 is an error
 * ("written by a newer Canopy (format N); this version reads format 1"); unknown keys are
 * warnings, not silently dropped. Future formats: upgrade the parsed tree in
 * {@code DesignReader.format} before reading.
 *
 * <h2>Names</h2>
 * Ids must be lowercase Erlang atoms ({@code [a-z][a-zA-Z0-9_]*}, at most 255 characters). Erlang
 * reserved words ({@code end}, {@code fun}, {@code after}, ...) are accepted with a warning and
 * must be quoted by exporters ({@link dev.canopy.diagrams.design.ErlangNames#atom(String)}), so
 * that every conformance scenario still opens. Module names must be Elixir aliases
 * ({@code MyApp.Repo}) or Erlang atoms; quotes, control characters, {@code #{...}} and non-ASCII
 * are rejected with a sentence saying why.
 */
package dev.canopy.diagrams.design;
