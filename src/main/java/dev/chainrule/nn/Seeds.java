package dev.chainrule.nn;

/**
 * Derives independent seeds from a job seed and positions (epoch, batch, layer), so that any part of
 * a run can be regenerated on its own, for example after resuming mid-epoch.
 */
public final class Seeds {

    private Seeds() {
    }

    /** SplitMix64's finaliser applied to a combination of {@code seed} and {@code salt}. */
    public static long mix(long seed, long salt) {
        long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long mix(long seed, long first, long second) {
        return mix(mix(seed, first), second);
    }
}
