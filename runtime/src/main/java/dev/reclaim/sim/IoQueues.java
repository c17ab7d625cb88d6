package dev.reclaim.sim;

/**
 * The IO queues of the machine state (layout on {@link Program}): submitting, marking the requests
 * a thread waits for with its wait bit, a server taking the next request, completion.
 */
final class IoQueues {
    private static final int TB = Program.TB;
    private static final int TW = Program.TW;

    private final Machine m;
    private final int[] a;
    private final int[] b;
    private final int[] c;
    private final int cb;
    private final int[] qBase;
    private final int[] qCap;
    private final int[][] queueSlots;
    private final int[] serverSlot;
    private final int[] cacheOfInst;

    IoQueues(Machine m) {
        Program p = m.p;
        this.m = m;
        a = p.code.a;
        b = p.code.b;
        c = p.code.c;
        cb = p.cb;
        qBase = p.qBase;
        qCap = p.qCap;
        queueSlots = p.queueSlots;
        serverSlot = p.serverSlot;
        cacheOfInst = p.cacheOfInst;
    }

    /**
     * IO to a cached instance carries its dirty pages (they are under writeback until the IO
     * completes). A request joins this thread's request to the same target still waiting in the
     * queue, if there is one (block-layer merging), which keeps queues bounded.
     */
    void submit(int[] s, int t, int pc) {
        int ci = c[pc];
        int pages = 0;
        if (ci >= 0) {
            int at = cb + 3 * ci;
            pages = s[at + 1];
            s[at + 1] = 0;
            s[at + 2] += pages;
        }
        int q = b[pc];
        if (q < 0) {
            if (ci >= 0) {
                int at = cb + 3 * ci;
                s[at + 2] -= pages;
                s[at] += pages;
            }
            return;
        }
        int key = a[pc] << 8 | (t + 1);
        int qb = qBase[q];
        int end = qb + 3 * qCap[q];
        for (int i = qb; i < end; i += 3) {
            int k = s[i];
            if (k == 0) {
                s[i] = key;
                s[i + 1] = pages;
                s[i + 2] = 0;
                return;
            }
            if (k == key) {
                s[i + 1] += pages;
                return;
            }
        }
        throw new IllegalStateException("IO queue overflow");
    }

    /** Puts t's wait bit on the requests it waits for: by key, or every request to {@code target}. */
    void mark(int[] s, int t, int q, int key, int target) {
        if (q < 0) {
            return;
        }
        int bit = 1 << t;
        int cnt = TB + t * TW + 3;
        int qb = qBase[q];
        int end = qb + 3 * qCap[q];
        for (int i = qb; i < end && s[i] != 0; i += 3) {
            if ((key != 0 ? s[i] == key : (s[i] >>> 8) == target) && (s[i + 2] & bit) == 0) {
                s[i + 2] |= bit;
                s[cnt]++;
            }
        }
        for (int at : queueSlots[q]) {
            int k = s[at];
            if (k != 0 && (key != 0 ? k == key : (k >>> 8) == target) && (s[at + 2] & bit) == 0) {
                s[at + 2] |= bit;
                s[cnt]++;
            }
        }
    }

    void serveNext(int[] s, int t, int q) {
        int at = serverSlot[t];
        int qb = qBase[q];
        int end = qb + 3 * qCap[q];
        s[at] = s[qb];
        s[at + 1] = s[qb + 1];
        s[at + 2] = s[qb + 2];
        System.arraycopy(s, qb + 3, s, qb, end - qb - 3);
        s[end - 3] = 0;
        s[end - 2] = 0;
        s[end - 1] = 0;
        if (m.observer() != null) {
            m.observer().served(t, s[at]);
        }
    }

    void complete(int[] s, int t) {
        int at = serverSlot[t];
        int key = s[at];
        int ci = cacheOfInst[key >>> 8];
        if (ci >= 0) {
            int x = cb + 3 * ci;
            s[x + 2] -= s[at + 1];
            s[x] += s[at + 1];
        }
        for (int m = s[at + 2]; m != 0; m &= m - 1) {
            s[TB + Integer.numberOfTrailingZeros(m) * TW + 3]--;
        }
        s[at] = 0;
        s[at + 1] = 0;
        s[at + 2] = 0;
        if (m.observer() != null) {
            m.observer().completed(t, key);
        }
    }
}
