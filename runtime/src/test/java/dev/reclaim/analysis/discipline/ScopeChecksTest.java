package dev.reclaim.analysis.discipline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Severity;
import dev.reclaim.testing.FindingText;
import dev.reclaim.testing.TestSystems;

class ScopeChecksTest {

    private static List<String> check(String text) {
        return FindingText.of(Discipline.scopes(TestSystems.parse(text)));
    }

    @Test
    void workQueuedUnderAThreadScope() {
        List<Finding> f = Discipline.scopes(TestSystems.parse("""
                system s {
                    block loop0 served by w
                    workqueue bufio_wq memreclaim { }
                    thread w serves loop0 scope NOIO {
                        queue bufio_wq
                    }
                }
                """));
        assertEquals(List.of("scope-handoff:5: work queued on bufio_wq from inside scope NOIO runs without it"),
                FindingText.of(f));
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals("s/thread w", f.get(0).declaration());
    }

    @Test
    void workQueuedInALexicalScopeAndThroughACall() {
        List<Finding> f = Discipline.scopes(TestSystems.parse("""
                system s {
                    fs x
                    workqueue wq memreclaim { }
                    thread t task {
                        scope NOFS - kswapd { if fs { queue wq } }
                        scope NOFS { call flush }
                    }
                    op flush in x { queue wq }
                }
                """));
        assertEquals(List.of(
                "scope-handoff:5: work queued on wq from inside scope NOFS - kswapd runs without it",
                "scope-handoff:8: work queued on wq from inside scope NOFS runs without it (via thread t -> op flush)"),
                FindingText.of(f));
        assertEquals("s/op flush", f.get(1).declaration());
        assertEquals("scope entered in thread t", f.get(1).related().get(0).message());
    }

    @Test
    void queueOutsideScopesOrInAScopeThatNarrowsNothingIsFine() {
        assertEquals(List.of(), check("""
                system s {
                    fs x
                    workqueue wq { queue wq }
                    thread t task { queue wq scope KERNEL { queue wq } call flush }
                    op flush in x { queue wq }
                    shrinker sh in x { scan { queue wq } }
                }
                """));
    }

    @Test
    void widerNestedScopeHasNoEffect() {
        List<Finding> f = Discipline.scopes(TestSystems.parse("""
                system s {
                    fs x
                    thread t task {
                        scope NOIO {
                            scope NOFS { }
                        }
                    }
                }
                """));
        assertEquals(List.of("scope-widen:5: scope NOFS inside scope NOIO has no effect: scopes only narrow (io stays "
                + "off)"), FindingText.of(f));
        assertEquals(Severity.NOTE, f.get(0).severity());
    }

    @Test
    void widenUnderAThreadScopeThroughACallAndIncomparable() {
        assertEquals(List.of(
                "scope-widen:3: scope KERNEL inside scope NONE has no effect: scopes only narrow (direct, kswapd, io "
                        + "and fs stay off)",
                "scope-widen:4: scope direct + fs inside scope NOFS cannot turn fs back on: scopes only narrow "
                        + "(via thread t -> op o)"), check("""
                system s {
                    fs x
                    thread t task scope NOFS { scope NONE { scope KERNEL { } } call o }
                    op o in x { scope direct + fs { } }
                }
                """));
    }

    @Test
    void narrowerOrEqualNestedScopesAreFine() {
        assertEquals(List.of(), check("""
                system s {
                    fs x
                    thread t task scope NOFS { scope NOFS { scope NOIO { } } }
                    op o in x { scope KERNEL { } }
                }
                """));
    }
}
