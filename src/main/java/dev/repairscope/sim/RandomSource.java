package dev.repairscope.sim;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The one source of randomness. Each concern asks for a named substream ("net.latency",
 * "workload.keys"), so adding draws in one place never shifts the numbers another sees.
 */
public final class RandomSource {
    private final long seed;
    private final Map<String, Stream> streams = new HashMap<>();

    public RandomSource(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The substream with this name; the same name always returns the same stream. */
    public Stream stream(String name) {
        return streams.computeIfAbsent(name, n -> new Stream(new SplitMix(mix(seed, n))));
    }

    private static long mix(long seed, String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the name's bytes, then a splitmix finaliser
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        long z = seed ^ h;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A deterministic stream of draws. */
    public static final class Stream {
        private final SplitMix random;

        private Stream(SplitMix random) {
            this.random = random;
        }

        /** Uniform in [0, 1). */
        public double nextDouble() {
            return random.nextDouble();
        }

        /** Uniform in [min, max). */
        public long uniform(long min, long max) {
            return max <= min ? min : random.nextLong(min, max);
        }

        /** Uniform in [0, bound). */
        public int nextInt(int bound) {
            return random.nextInt(bound);
        }

        /** True with probability {@code chance}. */
        public boolean decide(double chance) {
            return chance > 0 && (chance >= 1 || random.nextDouble() < chance);
        }
    }
}
