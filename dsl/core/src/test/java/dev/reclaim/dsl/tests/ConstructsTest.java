package dev.reclaim.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.dsl.reclaim.ReclaimPackage;

/**
 * The editor's view of a policy: markers come from the same analysis as {@code reclaimc check},
 * with the rule id as issue code and the same message, located on the model at the finding's
/** Every declaration and statement kind of LANGUAGE.md §2 parses, links and validates without errors. */
class ConstructsTest extends ValidationSupport {
    static Stream<Arguments> constructs() {
        ReclaimPackage p = ReclaimPackage.eINSTANCE;
        return Stream.of(
                Arguments.of("memory", p.getMemory(), "memory 64 pages min 4 low 8 high 12"),
                Arguments.of("expect deadlock", p.getExpectDeadlock(), "expect deadlock"),
                Arguments.of("expect no deadlock", p.getExpectDeadlock(), "expect no deadlock"),
                Arguments.of("expect findings", p.getExpectFindings(), """
                        expect findings "upward-gate"
                        dm thin0 on sda
                        shrinker bufio in thin0 { scan { if fs { stop } } }"""),
                Arguments.of("expect findings none", p.getExpectFindings(), "expect findings none"),
                Arguments.of("allow in a shrinker body", p.getAllow(), """
                        expect findings none
                        dm thin0 on sda
                        shrinker bufio in thin0 {
                            allow "upward-gate" "the 2014 gate, kept on purpose"
                            scan { if fs { stop } }
                        }"""),
                Arguments.of("allow in a statement body", p.getAllow(), """
                        expect findings none
                        workqueue wq memreclaim { }
                        thread t task scope NOFS {
                            allow "scope-handoff" "the work allocates nothing"
                            queue wq
                        }"""),
                Arguments.of("allow after a declaration", p.getAllow(), """
                        expect findings none
                        dm thin0 on sda
                        shrinker bufio in thin0 { scan { if fs { stop } } }
                        allow "upward-gate" "the 2014 gate, kept on purpose\""""),
                Arguments.of("allow at the start of a system", p.getAllow(), """
                        allow "upward-gate" "every shrinker here may test fs"
                        expect findings none
                        dm thin0 on sda
                        shrinker bufio in thin0 { scan { if fs { stop } } }"""),
                Arguments.of("instance on, served by a pool", p.getInstance(), """
                        block loop0 on ext4, sda served by w1, w2
                        thread w1 serves loop0 { write ext4 }
                        thread w2 serves loop0 { write sda }"""),
                Arguments.of("mutex", p.getMutex(), "mutex m in ext4"),
                Arguments.of("rwsem", p.getRwsem(), "rwsem r in ext4"),
                Arguments.of("rwsem writer-preferring", p.getRwsem(), "rwsem r in ext4 writer-preferring"),
                Arguments.of("rwsem reader-preferring", p.getRwsem(), """
                        rwsem r in ext4 reader-preferring
                        thread t task { lock r shared  unlock r  lock r  unlock r }"""),
                Arguments.of("mempool take give", p.getMempool(), """
                        mempool pool in ext4 size 4
                        thread t task { take pool  write sda  give pool }"""),
                Arguments.of("workqueue memreclaim, queue", p.getQueue(), """
                        workqueue wq memreclaim { write sda }
                        thread t task { queue wq }"""),
                Arguments.of("workqueue", p.getWorkqueue(), """
                        memory 64 pages min 4 low 8 high 12
                        workqueue wq { alloc 1 KERNEL  free 1 }
                        thread t task { queue wq }"""),
                Arguments.of("thread kswapd", p.getThread(), """
                        memory 64 pages min 4 low 8 high 12
                        thread kswapd0 kswapd"""),
                Arguments.of("thread serves with scope", p.getThread(), """
                        memory 64 pages min 4 low 8 high 12
                        block loop0 on ext4 served by w
                        thread w serves loop0 scope NOIO { alloc 1 KERNEL  write ext4  free 1 }"""),
                Arguments.of("thread task with scope", p.getThread(), """
                        memory 64 pages min 4 low 8 high 12
                        thread t task scope NOFS { alloc 1 KERNEL  free 1 }"""),
                Arguments.of("op and call", p.getCall(), """
                        op sync in ext4 { write sda }
                        thread t task { call sync }"""),
                Arguments.of("shrinker with count", p.getShrinker(), """
                        mutex m in ext4
                        shrinker icache in ext4 {
                            count { trylock m else stop  unlock m }
                            scan { lock m  unlock m }
                        }"""),
                Arguments.of("shrinker guarded by", p.getShrinker(), """
                        dm thin0 on sda
                        shrinker bufio in thin0 guarded by io { scan { clean thin0 } }"""),
                Arguments.of("shrinker unguarded", p.getShrinker(), "shrinker pagecache in ext4 unguarded { scan { } }"),
                Arguments.of("cache", p.getCache(), """
                        memory 64 pages min 4 low 8 high 12
                        cache ext4 16"""),
                Arguments.of("alloc with a context expression", p.getAlloc(), """
                        memory 64 pages min 4 low 8 high 12
                        thread t task { alloc 2 KERNEL - fs - io  alloc 1 (NOFS + fs) - fs  free 3 }"""),
                Arguments.of("free", p.getFree(), """
                        memory 64 pages min 4 low 8 high 12
                        thread t task { alloc 1 NOIO  free 1 }"""),
                Arguments.of("lock unlock", p.getUnlock(), """
                        mutex m in ext4
                        thread t task { lock m  write sda  unlock m }"""),
                Arguments.of("lock shared", p.getLockStmt(), """
                        rwsem r in ext4
                        thread t task { lock r shared  unlock r }"""),
                Arguments.of("trylock else stop", p.getTryLock(), """
                        mutex m in ext4
                        shrinker sh in ext4 { scan { trylock m else stop  unlock m } }"""),
                Arguments.of("trylock else block", p.getTryLock(), """
                        mutex m in ext4
                        thread t task { trylock m else { write sda  lock m }  unlock m }"""),
                Arguments.of("write", p.getWrite(), "thread t task { write ext4 }"),
                Arguments.of("submit wait", p.getSubmit(), "thread t task { submit ext4  write sda  wait ext4 }"),
                Arguments.of("fill", p.getFill(), """
                        memory 64 pages min 4 low 8 high 12
                        thread t task { fill ext4 4 KERNEL }
                        shrinker pagecache in ext4 unguarded { scan { } }"""),
                Arguments.of("dirty clean", p.getClean(), """
                        memory 64 pages min 4 low 8 high 12
                        cache ext4 16
                        thread t task { dirty ext4 4  clean ext4 }"""),
                Arguments.of("scope", p.getScope(), """
                        memory 64 pages min 4 low 8 high 12
                        thread t task { scope NOFS { alloc 1 KERNEL  scope NOIO { alloc 1 KERNEL } }  free 2 }"""),
                Arguments.of("if else", p.getIf(), """
                        thread t task { if io { write ext4 } else { write sda }  if fs { write sda } }"""),
                Arguments.of("stop", p.getStop(), "shrinker sh in ext4 { count { stop } scan { stop } }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void everyConstructValidates(String name, EClass kind, String members) throws Exception {
        Model model = parse(system(members));
        assertTrue(contains(model, kind), name + ": no " + kind.getName() + " in the model");
        assertNoErrors(model);
    }

    private static boolean contains(EObject root, EClass kind) {
        for (Iterator<EObject> it = root.eAllContents(); it.hasNext();) {
            if (it.next().eClass() == kind) {
                return true;
            }
        }
        return false;
    }

    /** Every construct of §2 at once, in a system that checks clean: no error, warning or note. */
    @Test
    void aCompleteSystemUsingEveryConstructHasNoIssues() throws Exception {
        Model model = parse(VOCABULARY + """
                /** Every declaration and statement kind of LANGUAGE.md §2. */
                system everything {
                    memory 256 pages min 16 low 32 high 48
                    expect no deadlock
                    expect findings none

                    device sda
                    fs     ext4 on sda
                    block  nbd0 on sda served by nbd_worker
                    dm     crypt0 on sda served by kcryptd0, kcryptd1

                    mutex   journal in ext4
                    rwsem   iolock in ext4
                    rwsem   umount_sem in ext4 writer-preferring
                    rwsem   sb_sem in ext4 reader-preferring
                    mempool page_pool in crypt0 size 4
                    cache   ext4 64

                    /** WQ_MEM_RECLAIM write-back. */
                    workqueue writeback memreclaim {
                        lock journal
                        clean ext4
                        unlock journal
                    }
                    workqueue events {
                        alloc 1 KERNEL
                        free 1
                    }

                    thread kswapd0 kswapd
                    thread nbd_worker serves nbd0 scope NOIO {
                        alloc 1 KERNEL
                        write sda
                        free 1
                    }
                    thread kcryptd0 serves crypt0 {
                        take page_pool
                        write sda
                        give page_pool
                    }
                    thread kcryptd1 serves crypt0 {
                        take page_pool
                        submit sda
                        wait sda
                        give page_pool
                    }
                    thread reader task {
                        fill ext4 4 KERNEL
                        lock iolock shared
                        unlock iolock
                        lock sb_sem shared
                        unlock sb_sem
                    }
                    thread writer task scope NOFS {
                        allow "scope-handoff" "the write-back work allocates nothing"
                        lock journal
                        dirty ext4 4
                        unlock journal
                        call ext4_sync
                        queue writeback
                    }
                    thread mounter task {
                        trylock umount_sem else { write nbd0  lock umount_sem }
                        unlock umount_sem
                        scope NOIO {
                            alloc 1 KERNEL - kswapd
                            scope NOFS { alloc 1 KERNEL }
                            free 2
                        }
                        if fs { write ext4 } else { write crypt0 }
                        queue events
                    }
                    allow "scope-widen" "kept to show that nesting never widens"

                    op ext4_sync in ext4 {
                        submit ext4
                        wait ext4
                    }

                    shrinker inodes in ext4 guarded by fs {
                        count {
                            trylock journal else stop
                            unlock journal
                        }
                        scan {
                            if fs { lock journal  clean ext4  unlock journal } else { stop }
                        }
                    }
                    shrinker crypt_cache in crypt0 {
                        scan { stop }
                    }
                    shrinker pagecache in ext4 unguarded {
                        scan { }
                    }
                }
                """);
        ReclaimPackage p = ReclaimPackage.eINSTANCE;
        for (EClass kind : List.of(p.getMemory(), p.getExpectDeadlock(), p.getExpectFindings(), p.getAllow(),
                p.getInstance(), p.getMutex(), p.getRwsem(), p.getMempool(), p.getWorkqueue(), p.getThread(),
                p.getOp(), p.getShrinker(), p.getCache(), p.getAlloc(), p.getFree(), p.getLockStmt(), p.getUnlock(),
                p.getTryLock(), p.getWrite(), p.getSubmit(), p.getWait(), p.getFill(), p.getDirty(), p.getClean(),
                p.getCall(), p.getScope(), p.getIf(), p.getQueue(), p.getTake(), p.getGive(), p.getStop())) {
            assertTrue(contains(model, kind), "no " + kind.getName() + " in the complete system");
        }
        assertEquals(List.of(), issues(model));
    }
}
