package dev.canopy.diagrams.design;

import java.util.Objects;

import dev.canopy.engine.scenario.InitBehaviour;

/**
 * What the simulator needs to play a worker. {@code init}, {@code trapExit} and
 * {@code terminateMs} are the conformance format's ({@code init}, {@code trap_exit},
 * {@code terminate_ms}); the rest is design-only: {@code initDurationMs} (how long init takes),
 * the {@link Dependency} init needs, {@code callLatencyMs} (time to answer a call),
 * {@code messageRatePerSecond} (incoming traffic; 0 = none) and {@code crashOnMessage} (the
 * message that makes it crash; {@code null} = none) and {@code calls} (a {@link CallPlan}: this worker
 * calls another one and decides what its errors mean; {@code null} = it calls no one; simulator-only).
 */
public record WorkerSim(long initDurationMs, InitBehaviour init, boolean trapExit, long terminateMs,
                        Dependency dependency, long callLatencyMs, double messageRatePerSecond,
                        String crashOnMessage, CallPlan calls) {

    public static final WorkerSim DEFAULT = new WorkerSim(0, InitBehaviour.OK, false, 0, Dependency.NONE, 0, 0, null);

    /** A worker that calls no one. */
    public WorkerSim(long initDurationMs, InitBehaviour init, boolean trapExit, long terminateMs, Dependency dependency,
                     long callLatencyMs, double messageRatePerSecond, String crashOnMessage) {
        this(initDurationMs, init, trapExit, terminateMs, dependency, callLatencyMs, messageRatePerSecond, crashOnMessage, null);
    }

    public WorkerSim {
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(dependency, "dependency");
        if (!Double.isFinite(messageRatePerSecond)) {
            throw new IllegalArgumentException("message rate must be a finite number, not " + messageRatePerSecond);
        }
    }

    public WorkerSim withInitDurationMs(long v) { return new WorkerSim(v, init, trapExit, terminateMs, dependency, callLatencyMs, messageRatePerSecond, crashOnMessage, calls); }

    public WorkerSim withInit(InitBehaviour v) { return new WorkerSim(initDurationMs, v, trapExit, terminateMs, dependency, callLatencyMs, messageRatePerSecond, crashOnMessage, calls); }

    public WorkerSim withTrapExit(boolean v) { return new WorkerSim(initDurationMs, init, v, terminateMs, dependency, callLatencyMs, messageRatePerSecond, crashOnMessage, calls); }

    public WorkerSim withTerminateMs(long v) { return new WorkerSim(initDurationMs, init, trapExit, v, dependency, callLatencyMs, messageRatePerSecond, crashOnMessage, calls); }

    public WorkerSim withDependency(Dependency v) { return new WorkerSim(initDurationMs, init, trapExit, terminateMs, v, callLatencyMs, messageRatePerSecond, crashOnMessage, calls); }

    public WorkerSim withCallLatencyMs(long v) { return new WorkerSim(initDurationMs, init, trapExit, terminateMs, dependency, v, messageRatePerSecond, crashOnMessage, calls); }

    public WorkerSim withMessageRatePerSecond(double v) { return new WorkerSim(initDurationMs, init, trapExit, terminateMs, dependency, callLatencyMs, v, crashOnMessage, calls); }

    public WorkerSim withCrashOnMessage(String v) { return new WorkerSim(initDurationMs, init, trapExit, terminateMs, dependency, callLatencyMs, messageRatePerSecond, v, calls); }

    public WorkerSim withCalls(CallPlan v) { return new WorkerSim(initDurationMs, init, trapExit, terminateMs, dependency, callLatencyMs, messageRatePerSecond, crashOnMessage, v); }
}
