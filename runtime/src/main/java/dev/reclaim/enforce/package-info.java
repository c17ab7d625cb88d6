/**
 * Run-time enforcement of a reclaim policy: a small, dependency-free library that generated
 * per-policy code (or hand-written code) uses inside a running Java program.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link dev.reclaim.enforce.Policy}: the tables of one policy — permission bits (bit {@code i}
 * of an {@code int} mask is the {@code i}-th permission; at most 32), named contexts (for
 * messages), layers with their guard permission and the {@code below} order. Generated code emits
 * the masks and layer indices as constants and builds the policy once.</li>
 * <li>{@link dev.reclaim.enforce.Reclaim}: the facade. Scopes modelled on
 * {@code memalloc_nofs_save/restore} ({@link dev.reclaim.enforce.Reclaim#save},
 * {@link dev.reclaim.enforce.Reclaim#restore}, {@link dev.reclaim.enforce.Reclaim#scope}): they only
 * narrow (the effective mask is the AND of every open scope) and must be restored LIFO. Layer entry
 * ({@link dev.reclaim.enforce.Reclaim#enter}) and IO service
 * ({@link dev.reclaim.enforce.Reclaim#serving}) build the thread's layer stack. Checked allocation
 * ({@link dev.reclaim.enforce.Reclaim#allocating}) returns the effective context after the run-time
 * rules. {@link dev.reclaim.enforce.Reclaim#locked}/{@link dev.reclaim.enforce.Reclaim#unlocked}
 * and {@link dev.reclaim.enforce.Reclaim#waitingOnIo} feed the lockdep-style detector.</li>
 * <li>{@link dev.reclaim.enforce.ShrinkerRegistry}: reclaim sources. A pass calls only the
 * shrinkers whose guard permission is in the reclaim context, so a
 * {@link dev.reclaim.enforce.Shrinker} never sees context bits.</li>
 * </ul>
 *
 * <h2>Rules checked at run time</h2>
 * Each uses the static checker's rule id and wording ({@code dev.reclaim.findings.Rule}):
 * <ul>
 * <li>{@code io-path-context}: a thread that serves an instance allocates with a context holding
 * the guard of its layer or of a layer above it;</li>
 * <li>{@code layering}: an allocation admits reclaim into a layer at or above a layer on the
 * thread's stack;</li>
 * <li>{@code reclaim-recursion} (lockdep-style, keyed by lock instance): a lock held across an
 * allocation whose context admits a registered shrinker that takes the same lock instance, or IO
 * waited on by an admitted shrinker on an instance the thread serves; reported once per (shrinker,
 * lock) pair with both stacks (the allocation's, and where the shrinker was seen taking the lock);</li>
 * <li>{@code scope-order} (run-time only): a scope restored or a layer left out of LIFO order, or
 * twice.</li>
 * </ul>
 * In {@link dev.reclaim.enforce.Mode#ENFORCE} a violating allocation is narrowed to the safe
 * context and counted; in {@link dev.reclaim.enforce.Mode#REPORT} each distinct site is reported
 * once with its stack and where each open scope was entered; in
 * {@link dev.reclaim.enforce.Mode#FAIL} a {@link dev.reclaim.enforce.ReclaimViolation} is thrown.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * // what generated code emits for the LANGUAGE.md §1 vocabulary
 * static final int DIRECT = 1, KSWAPD = 2, IO = 4, FS = 8;
 * static final int KERNEL = DIRECT | KSWAPD | IO | FS, NOFS = KERNEL & ~FS, NOIO = NOFS & ~IO;
 * static final int FS_LAYER = 0, DM = 1, BLOCK = 2, DEVICE = 3;
 * static final Policy POLICY = Policy.builder("linux.storage")
 *         .permission("direct").permission("kswapd").permission("io").permission("fs")
 *         .context("KERNEL", KERNEL).context("NOFS", NOFS).context("NOIO", NOIO)
 *         .layer("fs", FS).layer("dm", IO, FS_LAYER).layer("block", IO, DM).layer("device", 0, BLOCK)
 *         .build();
 *
 * Reclaim.install(POLICY, Mode.REPORT);
 * Instance ext4 = Instance.of(FS_LAYER, "ext4");
 * Object journal = Reclaim.name(new Object(), "journal_lock");
 * Reclaim.shrinkers().register("ext4_inode", ext4, n -> evictInodes(n)); // called only under fs
 *
 * try (var layer = Reclaim.enter(ext4)) {
 *     int saved = Reclaim.save(NOFS);              // memalloc_nofs_save()
 *     try {
 *         int ctx = Reclaim.allocating(KERNEL);    // NOFS: kernel docs recommend KERNEL in a scope
 *         allocate(ctx);
 *     } finally {
 *         Reclaim.restore(saved);                  // memalloc_nofs_restore(): LIFO
 *     }
 *     try (var s = Reclaim.scope(NOFS)) {         // the same, as try-with-resources
 *         Reclaim.locked(journal);
 *         allocate(Reclaim.allocating(KERNEL));
 *         Reclaim.unlocked(journal);
 *     }
 *     allocate(Reclaim.allocating(KERNEL));        // "layering: ..., may enter layer fs ..."
 * }
 *
 * try (var worker = Reclaim.serving(loop0); var s = Reclaim.scope(NOIO)) { ... } // a loop worker
 *
 * long freed = Reclaim.shrinkers().shrink(reclaimContext, 32); // one reclaim pass
 * }</pre>
 *
 * <h2>Cost</h2>
 * {@link dev.reclaim.enforce.Reclaim#ENABLED} is a {@code static final boolean} read from the
 * system property {@code reclaim.enforce} ({@code off} disables) at class initialisation, so the
 * JIT removes every check when it is false. When enabled, per-thread state lives in pre-sized
 * arrays (no boxing; handles for try-with-resources are preallocated per depth): the hot paths
 * allocate nothing. {@link dev.reclaim.enforce.Mode#REPORT} additionally records a stack trace at
 * every scope entry (that is what its reports show), which does allocate. The initial mode comes
 * from {@code reclaim.mode} ({@code enforce}, {@code report} — the default — or {@code fail}).
 */
package dev.reclaim.enforce;
