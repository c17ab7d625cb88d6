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
    /**
     * stack[d]: the token of the scope opened at depth d (high 32 bits) and the mask in force
     * before it (low 32 bits), packed so that a restore reads one element.
     */
    long[] stack = new long[INITIAL];
    int[] raw = new int[INITIAL];
    /** Where the scope at depth d was entered, valid only while siteTokens[d] == token(d). */
    StackTraceElement[][] sites = new StackTraceElement[INITIAL][];
    int[] siteTokens = new int[INITIAL];
    Reclaim.Scope[] scopeHandles = new Reclaim.Scope[INITIAL];
    int serial;
    /** The current scope mask: the AND of every open scope (-1 outside all scopes). */
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
    int nheld;

    /** The shrinker running on this thread (PF_MEMALLOC: its allocations never reclaim), or null. */
    ShrinkerRegistry.Registration inShrinker;

    /** Bits of an effective context that send {@link Reclaim#allocating} to its slow path. */
    int check;

    ThreadState() {
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
        if (d == stack.length) {
            growScopes();
        }
        int t = ((serial = (serial + 1) & 0x7FFF) << 16) | d;
        int before = mask;
        stack[d] = ((long) t << 32) | (before & 0xFFFF_FFFFL);
        raw[d] = m;
        depth = d + 1;
        mask = before & m;
        if (trackSite) {
            site(d, t);
        }
        return t;
    }

    private void site(int d, int t) {
        sites[d] = Reporter.trim(new Throwable().getStackTrace());
        siteTokens[d] = t;
    }

    /** Where the open scope at depth d was entered, or null when that was not tracked. */
    StackTraceElement[] site(int d) {
        return siteTokens[d] == token(d) ? sites[d] : null;
    }

    /** The token of the scope opened at depth d (complemented once unwound). */
    int token(int d) {
        return (int) (stack[d] >>> 32);
    }

    /** Pops the scope of token {@code t}; false when that is not a LIFO restore. */
    boolean popFast(int t) {
        int d = t & 0xFFFF;
        if (d == depth - 1) {
            long v = stack[d];
            if ((int) (v >>> 32) == t) {
                depth = d;
                mask = (int) v;
                return true;
            }
        }
        return false;
    }

    void unwindTo(int d) {
        for (int i = d; i < depth; i++) {
            stack[i] ^= 0xFFFF_FFFF_0000_0000L; // token complemented: "ended by an out-of-order restore"
        }
        depth = d;
        mask = (int) stack[d];
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

    void lock(Object lock, int direct) {
        if (nheld == held.length) {
            held = Arrays.copyOf(held, nheld * 2);
        }
        held[nheld] = lock;
        nheld++;
        recompute(direct);
    }

    boolean unlock(Object lock, int direct) {
        for (int i = nheld - 1; i >= 0; i--) {
            if (held[i] == lock) {
                System.arraycopy(held, i + 1, held, i, nheld - i - 1);
                nheld--;
                held[nheld] = null;
                recompute(direct);
                return true;
            }
        }
        return false;
    }

    private void growScopes() {
        int n = stack.length * 2;
        if (n > 0x10000) {
            throw new IllegalStateException("more than 65536 nested reclaim scopes: a restore is missing");
        }
        stack = Arrays.copyOf(stack, n);
        raw = Arrays.copyOf(raw, n);
        sites = Arrays.copyOf(sites, n);
        siteTokens = Arrays.copyOf(siteTokens, n);
        Reclaim.Scope[] h = Arrays.copyOf(scopeHandles, n);
        for (int i = scopeHandles.length; i < n; i++) {
            h[i] = new Reclaim.Scope(this);
        }
        scopeHandles = h;
    }

    private void growFrames() {
        int n = frames.length * 2;
        if (n > 0x10000) {
            throw new IllegalStateException("more than 65536 nested layer entries: a close is missing");
        }
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
