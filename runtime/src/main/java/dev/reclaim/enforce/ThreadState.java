package dev.reclaim.enforce;

import java.util.Arrays;

/**
 * Per-thread state, pre-sized so that the hot paths (save/restore, enter/leave, allocating) do not
 * allocate; arrays double only when nesting exceeds their size.
 */
final class ThreadState {
    static final int INITIAL = 32;

    final Thread thread = Thread.currentThread();

    // ---- scopes: entry d holds the scope opened at depth d
    int depth;
    /** eff[d]: the AND of the scopes below depth d (eff[0] = every permission). */
    int[] eff = new int[INITIAL + 1];
    int[] tokens = new int[INITIAL];
    int[] raw = new int[INITIAL];
    boolean[] unwound = new boolean[INITIAL];
    StackTraceElement[][] sites = new StackTraceElement[INITIAL][];
    Reclaim.Scope[] scopeHandles = new Reclaim.Scope[INITIAL];
    int serial;
    /** The current scope mask, eff[depth]. */
    int mask = -1;

    // ---- layer stack: frame f holds the instance entered (or served) at depth f
    int fdepth;
    Instance[] frames = new Instance[INITIAL];
    boolean[] serves = new boolean[INITIAL];
    /** forbid[f]: guards at or above every layer on frames below f. */
    int[] forbid = new int[INITIAL + 1];
    /** ioForbid[f]: the same, counting served instances only. */
    int[] ioForbid = new int[INITIAL + 1];
    int[] frameTokens = new int[INITIAL];
    Reclaim.LayerEntry[] frameHandles = new Reclaim.LayerEntry[INITIAL];
    int nserving;

    // ---- locks held (for the lockdep-style detector)
    Object[] held = new Object[INITIAL];
    StackTraceElement[][] heldSites = new StackTraceElement[INITIAL][];
    int nheld;

    /** The shrinker running on this thread (PF_MEMALLOC: its allocations never reclaim), or null. */
    ShrinkerRegistry.Registration inShrinker;

    /** Bits of an effective context that send {@link Reclaim#allocating} to its slow path. */
    int check;

    ThreadState() {
        eff[0] = -1;
        for (int i = 0; i < INITIAL; i++) {
            scopeHandles[i] = new Reclaim.Scope(this);
            frameHandles[i] = new Reclaim.LayerEntry(this);
        }
    }

    void recompute(int direct) {
        check = inShrinker != null ? 0 : forbid[fdepth] | (nheld + nserving > 0 ? direct : 0);
    }

    int push(int m, boolean trackSite) {
        int d = depth;
        if (d == tokens.length) {
            growScopes();
        }
        int ser = serial = (serial + 1) & 0x7FFF;
        int t = (ser << 16) | d;
        tokens[d] = t;
        raw[d] = m;
        unwound[d] = false;
        int e = eff[d] & m;
        eff[d + 1] = e;
        depth = d + 1;
        mask = e;
        if (trackSite) {
            sites[d] = Reclaim.trim(new Throwable().getStackTrace());
        }
        return t;
    }

    /** Pops the scope of token {@code t}; false when that is not a LIFO restore. */
    boolean popFast(int t) {
        int d = t & 0xFFFF;
        if (d == depth - 1 && tokens[d] == t) {
            depth = d;
            mask = eff[d];
            sites[d] = null;
            return true;
        }
        return false;
    }

    void unwindTo(int d) {
        for (int i = d; i < depth; i++) {
            unwound[i] = true;
            sites[i] = null;
        }
        depth = d;
        mask = eff[d];
    }

    int pushFrame(Instance inst, boolean serving, Policy policy) {
        int f = fdepth;
        if (f == frames.length) {
            growFrames();
        }
        int ser = serial = (serial + 1) & 0x7FFF;
        int t = (ser << 16) | f;
        frames[f] = inst;
        serves[f] = serving;
        frameTokens[f] = t;
        int g = policy.guardsAtOrAbove(inst.layer());
        forbid[f + 1] = forbid[f] | g;
        ioForbid[f + 1] = serving ? ioForbid[f] | g : ioForbid[f];
        fdepth = f + 1;
        if (serving) {
            nserving++;
        }
        recompute(policy.direct());
        return t;
    }

    boolean popFrameFast(int t, Policy policy) {
        int f = t & 0xFFFF;
        if (f == fdepth - 1 && frameTokens[f] == t) {
            if (serves[f]) {
                nserving--;
            }
            frames[f] = null;
            fdepth = f;
            recompute(policy.direct());
            return true;
        }
        return false;
    }

    void unwindFramesTo(int f, Policy policy) {
        for (int i = fdepth - 1; i >= f; i--) {
            if (serves[i]) {
                nserving--;
            }
            frames[i] = null;
            frameTokens[i] = -1;
        }
        fdepth = f;
        recompute(policy.direct());
    }

    void enterShrinker(ShrinkerRegistry.Registration r) {
        inShrinker = r;
        check = 0;
    }

    void leaveShrinker(ShrinkerRegistry.Registration outer) {
        inShrinker = outer;
        Policy p = Reclaim.policy();
        recompute(p == null ? 0 : p.direct());
    }

    void lock(Object lock, StackTraceElement[] site, int direct) {
        if (nheld == held.length) {
            held = Arrays.copyOf(held, nheld * 2);
            heldSites = Arrays.copyOf(heldSites, nheld * 2);
        }
        held[nheld] = lock;
        heldSites[nheld] = site;
        nheld++;
        recompute(direct);
    }

    boolean unlock(Object lock, int direct) {
        for (int i = nheld - 1; i >= 0; i--) {
            if (held[i] == lock) {
                System.arraycopy(held, i + 1, held, i, nheld - i - 1);
                System.arraycopy(heldSites, i + 1, heldSites, i, nheld - i - 1);
                nheld--;
                held[nheld] = null;
                heldSites[nheld] = null;
                recompute(direct);
                return true;
            }
        }
        return false;
    }

    private void growScopes() {
        int n = tokens.length * 2;
        eff = Arrays.copyOf(eff, n + 1);
        tokens = Arrays.copyOf(tokens, n);
        raw = Arrays.copyOf(raw, n);
        unwound = Arrays.copyOf(unwound, n);
        sites = Arrays.copyOf(sites, n);
        Reclaim.Scope[] h = Arrays.copyOf(scopeHandles, n);
        for (int i = scopeHandles.length; i < n; i++) {
            h[i] = new Reclaim.Scope(this);
        }
        scopeHandles = h;
    }

    private void growFrames() {
        int n = frames.length * 2;
        frames = Arrays.copyOf(frames, n);
        serves = Arrays.copyOf(serves, n);
        forbid = Arrays.copyOf(forbid, n + 1);
        ioForbid = Arrays.copyOf(ioForbid, n + 1);
        frameTokens = Arrays.copyOf(frameTokens, n);
        Reclaim.LayerEntry[] h = Arrays.copyOf(frameHandles, n);
        for (int i = frameHandles.length; i < n; i++) {
            h[i] = new Reclaim.LayerEntry(this);
        }
        frameHandles = h;
    }
}
