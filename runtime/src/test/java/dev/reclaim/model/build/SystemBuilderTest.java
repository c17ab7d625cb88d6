package dev.reclaim.model.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.reclaim.analysis.Checker;
import dev.reclaim.model.Decl;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;
import dev.reclaim.sim.Progress;
import dev.reclaim.sim.SimResult;
import dev.reclaim.sim.Simulator;

/**
 * The builder API on its own: the LANGUAGE.md §2 seed built by hand, as generated code builds it,
 * is checked and simulated like the file (the generator's GeneratedCodeTest compares every example
 * exactly); and the calls build what their Javadoc says.
 */
class SystemBuilderTest {
    private static final SourceFile F = SourceFile.of("seed.reclaim");

    static Vocabulary vocabulary() {
        return VocabularyBuilder.create()
                .permission("direct", null, F.at(1, 12))
                .permission("kswapd", null, F.at(2, 12))
                .permission("io", null, F.at(3, 12))
                .permission("fs", null, F.at(4, 12))
                .context("KERNEL", "GFP_KERNEL", F.at(5, 9), "direct", "kswapd", "io", "fs")
                .context("NOIO", null, F.at(6, 9), "direct", "kswapd")
                .layer("fs", "fs", List.of(), null, F.at(7, 7))
                .layer("dm", "io", List.of("fs"), null, F.at(8, 7))
                .layer("block", "io", List.of("dm"), null, F.at(9, 7))
                .layer("device", null, List.of("block"), null, F.at(10, 7))
                .build();
    }

    static SystemModel seed() {
        SystemBuilder s = SystemBuilder.create("seed_2019_buggy", null, F.at(11, 8), vocabulary());
        s.memory(256, 16, 32, 48, F.at(12, 5));
        s.expect(true, F.at(13, 5));
        s.expectFindings(F.at(14, 5), "reclaim-recursion", "reclaim-cycle", "layering", "upward-gate",
                "io-path-context");
        s.instance("sda", "device", List.of(), List.of(), null, F.at(15, 12));
        s.instance("xfs_host", "fs", List.of("sda"), List.of(), null, F.at(16, 12));
        s.instance("loop0", "block", List.of("xfs_host"), List.of("loop0_worker"), null, F.at(17, 12));
        s.instance("thin0", "dm", List.of("loop0"), List.of(), null, F.at(18, 12));
        s.mutex("bufio_lock", "thin0", null, F.at(19, 11));
        s.kswapd("kswapd0", null, F.at(20, 12));
        s.server("loop0_worker", "loop0", null, null, F.at(21, 12), b0 -> b0
                .call("direct_io", F.at(22, 9)));
        s.task("reader", null, null, F.at(23, 12), b0 -> b0
                .fill("xfs_host", 4, s.ctx("KERNEL", "direct", "kswapd", "io", "fs"), F.at(24, 9)));
        s.task("writer", null, null, F.at(25, 12), b0 -> b0
                .lock("bufio_lock", false, F.at(26, 9))
                .dirty("thin0", 4, F.at(27, 9))
                .unlock("bufio_lock", F.at(28, 9)));
        s.op("direct_io", "xfs_host", null, F.at(29, 8), b0 -> b0
                .alloc(1, s.ctx("KERNEL", "direct", "kswapd", "io", "fs"), F.at(30, 9))
                .write("sda", F.at(31, 9))
                .free(1, F.at(32, 9)));
        s.shrinker("bufio", "thin0", Decl.GuardMode.LAYER, null, null, F.at(33, 14), F.at(34, 9), b0 -> b0
                .when("fs", F.at(35, 13), b1 -> b1
                        .lock("bufio_lock", false, F.at(35, 21)), b1 -> b1
                        .trylockElseStop("bufio_lock", F.at(35, 46)))
                .unlock("bufio_lock", F.at(36, 13)), F.at(37, 9), b0 -> b0
                .when("fs", F.at(38, 13), b1 -> b1
                        .lock("bufio_lock", false, F.at(38, 21)), b1 -> b1
                        .trylockElseStop("bufio_lock", F.at(38, 46)))
                .when("fs", F.at(39, 13), b1 -> b1
                        .clean("thin0", F.at(39, 21)))
                .unlock("bufio_lock", F.at(40, 13)));
        s.shrinker("pagecache", "xfs_host", Decl.GuardMode.UNGUARDED, null, null, F.at(41, 14), null, null,
                F.at(42, 9), b0 -> { });
        s.cache("xfs_host", 120, F.at(43, 5));
        s.cache("thin0", 16, F.at(44, 5));
        return s.build();
    }

    @Test
    void theSeedChecksAndSimulatesAsLanguageMdSays() {
        SystemModel seed = seed();
        Set<String> rules = new TreeSet<>();
        for (Checker.Judged j : Checker.check(seed).findings()) {
            assertEquals(Checker.Status.EXPECTED, j.status(), j.finding().message());
            rules.add(j.finding().ruleId());
        }
        assertEquals(seed.expectFindings().ruleIds(), rules);
        SimResult r = Simulator.simulate(seed, new Simulator.Options(Simulator.Mode.EXHAUSTIVE, 1, 1, 100, 200_000, 0,
                new int[0]), Progress.NONE);
        assertTrue(r.deadlock(), r.bound());
        assertEquals("seed.reclaim", r.file());
    }

    @Test
    void callsBuildWhatTheySay() {
        SystemModel seed = seed();
        assertEquals(new PermSet(0b0011), seed.vocab().context("NOIO").orElseThrow().perms());
        assertEquals(new PermSet(0b1111), seed.thread("reader").orElseThrow().body().get(0) instanceof Stmt.Fill f
                ? f.ctx().perms() : null);
        Decl.Shrinker page = seed.shrinker("pagecache").orElseThrow();
        assertNull(page.count());
        assertEquals(List.of(), page.scan());
        Stmt.If gate = (Stmt.If) seed.shrinker("bufio").orElseThrow().count().get(0);
        assertTrue(((Stmt.TryLock) gate.orElse().get(0)).elseStop());
        Stmt.If clean = (Stmt.If) seed.shrinker("bufio").orElseThrow().scan().get(1);
        assertEquals(List.of(), clean.orElse(), "when without else has an empty else");
        assertEquals(List.of("kswapd0", "loop0_worker", "reader", "writer"),
                seed.threads().stream().map(Decl.ThreadDecl::name).toList(), "declaration order");
        assertEquals(F.at(12, 5, 12, 6), seed.memory().pos());
        SystemBuilder s = SystemBuilder.create("x", null, F.at(1, 1), vocabulary());
        assertThrows(IllegalArgumentException.class, () -> s.ctx("NOPE", "nope"));
        assertEquals("NOFS - io", s.ctx("NOFS - io", "direct", "kswapd").text());
    }

    @Test
    void aGroupAddsItsStatementsToTheSameBodyInOrder() {
        SourceFile f = SourceFile.of("g.reclaim");
        List<Stmt> body = BodyBuilder.of(b -> b
                .free(1, f.at(1, 1, 1, 7))
                .group(g -> g.free(2, f.at(2, 1, 2, 7)).free(3, f.at(3, 1, 3, 7)))
                .stop(f.at(4, 1, 4, 5)));
        assertEquals(List.of("Free 1", "Free 2", "Free 3", "Stop"), body.stream()
                .map(st -> st instanceof Stmt.Free x ? "Free " + x.pages() : st.getClass().getSimpleName()).toList());
    }
}
