package dev.canopy.engine.random;

import java.util.SplittableRandom;

/**
 * The engine's only source of randomness. Seeded, so a simulation with the same seed and
 * inputs makes the same choices; {@link #split()} derives independent sub-streams.
 */
public final class RandomSource {
    private final long seed;
    private final SplittableRandom random;

    public RandomSource(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public long seed() { return seed; }

    public int nextInt(int bound) { return random.nextInt(bound); }

    public SplittableRandom split() { return random.split(); }

    /** For live mode: a seed from the machine's entropy. */
    public static long entropySeed() { return new SplittableRandom().nextLong(); }
}
