package dev.canopy.engine.supervisor;

/** Supervisor flags; {@link #DEFAULT} is OTP's: one_for_one, intensity 1, period 5 s, auto_shutdown never. */
public record SupervisorFlags(Strategy strategy, int intensity, int periodSeconds, AutoShutdown autoShutdown) {
    public static final SupervisorFlags DEFAULT = new SupervisorFlags(Strategy.ONE_FOR_ONE, 1, 5, AutoShutdown.NEVER);

    public SupervisorFlags withStrategy(Strategy s) { return new SupervisorFlags(s, intensity, periodSeconds, autoShutdown); }

    public SupervisorFlags withIntensity(int i, int p) { return new SupervisorFlags(strategy, i, p, autoShutdown); }

    public SupervisorFlags withAutoShutdown(AutoShutdown a) { return new SupervisorFlags(strategy, intensity, periodSeconds, a); }
}
