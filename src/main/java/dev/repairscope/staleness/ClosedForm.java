package dev.repairscope.staleness;

/**
 * PBS k-staleness for static quorums, in closed form. A write lands on W of N replicas chosen at
 * random and a read asks R of them; the read misses one write with probability
 * {@code C(N-W, R) / C(N, R)} and misses each of the last k writes (chosen independently) with
 * probability {@code (C(N-W, R) / C(N, R))^k}, so it returns one of the last k versions with
 * probability {@code 1 - (C(N-W, R) / C(N, R))^k}. With R + W > N the first factor is 0: strict
 * quorums are never stale.
 *
 * <p>For writes sent to all N replicas (Dynamo's expanding quorums) with independent, identically
 * distributed legs, the W replicas that acknowledged always hold the write and the first R to
 * answer a read are a random R of N, so this is a floor: reads can only do better.
 */
public final class ClosedForm {
    private ClosedForm() {
    }

    /** The probability that a read of R replicas misses a write held by W of N: C(N-W,R) / C(N,R). */
    public static double missesOneWrite(int n, int r, int w) {
        check(n, r, w);
        return binomial(n - w, r) / binomial(n, r);
    }

    /** The probability that a read returns one of the last {@code k} versions: 1 - (C(N-W,R)/C(N,R))^k. */
    public static double consistentWithin(int n, int r, int w, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k counts versions, starting at 1; got " + k);
        }
        return 1 - Math.pow(missesOneWrite(n, r, w), k);
    }

    /** C(n, k), 0 when k > n. */
    static double binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    private static void check(int n, int r, int w) {
        if (n < 1 || r < 1 || w < 1 || r > n || w > n) {
            throw new IllegalArgumentException("need 1 <= R, W <= N; got N=" + n + " R=" + r + " W=" + w);
        }
    }
}
