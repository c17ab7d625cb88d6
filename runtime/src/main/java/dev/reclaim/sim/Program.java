package dev.reclaim.sim;

import dev.reclaim.model.SourcePos;
import dev.reclaim.model.SystemModel;

/**
 * A system compiled for simulation: the code of every thread and of the reclaim pass, every name
 * resolved to an index, and the layout of the machine state ({@code int[]}, see {@link Machine}).
 * Built by {@link SimCompiler}; immutable afterwards.
 *
 * <p>State layout: {@code [0]} free pages; per thread {@link #TW} ints from {@link #TB} (main pc,
 * pass pc or -1, flags, number of requests carrying its wait bit); per server thread 3 ints from
 * {@link #sb} (the request it is serving: key, pages, waiter mask); per cached instance 3 ints
 * from {@link #cb} (clean, dirty, under writeback); per lock 2 from {@link #lb} (writer + 1,
 * reader mask); per mempool 1 from {@link #pb} (elements left); per workqueue 1 from {@link #wb}
 * (pending); per IO queue {@code qCap[q]} requests of 3 ints from {@code qBase[q]}, FIFO, packed
 * to the front. A request key is {@code target << 8 | origin + 1}; 0 marks a free slot.
 */
public final class Program {
    /** The maximum number of threads (thread sets are int masks). */
    public static final int MAX_THREADS = 32;

    static final int TB = 1;
    static final int TW = 4;
    /** Thread flag: a scan of the current (or last) reclaim pass freed cached pages (nr_reclaimed > 0). */
    static final int F_FREED = 1;
    /** Thread flag: an allocation gave up reclaiming and waits for memory. */
    static final int F_ALLOC_WAIT = 2;
    /** Thread flag: kswapd is awake. */
    static final int F_AWAKE = 4;

    static final int TASK = 0;
    static final int SERVER = 1;
    static final int KSWAPD = 2;
    static final int WORKER = 3;

    SystemModel sys;
    Code code;

    int nThreads;
    String[] threadName;
    int[] threadKind;
    int[] top;
    int[] end;
    SourcePos[] threadPos;
    int[] serverSlot;
    int[] serveQueue;
    int kswapdMask;
    int allMask;

    boolean hasMemory;
    int total;
    int min;
    int low;
    int high;
    int passStart;
    long allPerms;
    int directBit;

    String[] instName;
    int[] cacheOfInst;
    int[] cacheInst;
    String[] lockName;
    boolean[] writerPref;
    String[] poolName;
    int[] poolSize;
    String[] wqName;
    boolean[] wqMemreclaim;
    int[] wqWorker;
    String[] shrinkerName;
    int[] queueInst;
    int[] queueServers;
    int[][] queueSlots;
    int[] qBase;
    int[] qCap;

    int canAllocMask;
    int canFreeMask;
    int[] submitters;
    int[] queuers;
    int[] givers;

    int sb;
    int cb;
    int lb;
    int pb;
    int wb;
    int width;
    int[] initial;

    Program() {
    }

    public SystemModel system() {
        return sys;
    }

    public int threads() {
        return nThreads;
    }

    public String threadName(int t) {
        return threadName[t];
    }

    /** The state words per machine state. */
    public int width() {
        return width;
    }

    public int[] initialState() {
        return initial.clone();
    }

    /** PIDs as in the reports: thread index + 1, threads in declaration order, then workqueue workers. */
    public static int pid(int thread) {
        return thread + 1;
    }

    String instanceName(int i) {
        return i >= 0 && i < instName.length ? instName[i] : "?";
    }

    int queueOf(int thread) {
        return serveQueue[thread];
    }

    static String file(SourcePos p) {
        if (p == null || p.line() <= 0) {
            return "?";
        }
        String f = p.file();
        int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
        return (slash >= 0 ? f.substring(slash + 1) : f) + ":" + p.line();
    }
}
