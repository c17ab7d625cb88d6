package dev.reclaim.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.model.Decl;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;

/**
 * Parsing, linking, imports and lowering through the standalone compiler, with the exact
 * messages and locations users see.
 */
class FrontEndTest {
    private static ReclaimCompiler compiler;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        compiler = ReclaimCompiler.create();
    }

    private FileReport check(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return compiler.check(List.of(f)).get(0);
    }

    private static List<String> lines(FileReport r, String ruleId) {
        return r.findings().stream().filter(x -> x.finding().ruleId().equals(ruleId))
                .map(x -> x.finding().pos().line() + ":" + x.finding().pos().column() + " " + x.finding().message())
                .toList();
    }

    @Test
    void theSeedSystemLowersWithItsDeclarationsDocsAndStatements() throws Exception {
        FileReport r = check("seed.reclaim", Policies.VOCABULARY + Policies.SEED_SYSTEM);
        assertEquals(List.of(), lines(r, "syntax"));
        assertEquals(List.of(), lines(r, "unknown-name"));
        SystemModel s = r.systems().get(0);
        assertEquals("seed", s.name());
        assertEquals("dm-thin on loop on XFS.", s.doc());
        assertEquals(List.of("sda", "xfs_host", "loop0", "thin0"), s.instances().stream().map(Decl.Instance::name).toList());
        assertEquals(List.of("loop0_worker"), s.instance("loop0").orElseThrow().servedBy());
        assertEquals(List.of("xfs_host"), s.instance("loop0").orElseThrow().on());
        assertEquals("block", s.instance("loop0").orElseThrow().layer());
        assertEquals("do_blockdev_direct_IO", s.op("direct_io").orElseThrow().doc());
        Stmt.Alloc alloc = (Stmt.Alloc) s.op("direct_io").orElseThrow().body().get(0);
        assertEquals("KERNEL", alloc.ctx().text());
        assertEquals(List.of("direct", "kswapd", "io", "fs"), s.vocab().names(alloc.ctx().perms()));
        assertEquals(41, alloc.pos().line());
        Decl.Shrinker bufio = s.shrinker("bufio").orElseThrow();
        assertEquals(Decl.GuardMode.LAYER, bufio.guardMode());
        assertEquals(Decl.GuardMode.UNGUARDED, s.shrinker("pagecache").orElseThrow().guardMode());
        Stmt.If gate = (Stmt.If) bufio.scan().get(0);
        assertEquals("fs", gate.permission());
        assertTrue(((Stmt.TryLock) gate.orElse().get(0)).elseStop());
        assertEquals(Decl.ThreadKind.KSWAPD, s.thread("kswapd0").orElseThrow().threadKind());
        assertEquals(new SystemModel.Memory(256, 16, 32, 48, s.memory().pos()), s.memory());
        assertTrue(s.expect().deadlock());
        assertEquals("__GFP_IO", s.vocab().permission("io").orElseThrow().doc());
        assertNull(s.vocab().permission("fs").orElseThrow().doc());
    }

    @Test
    void contextExpressionsAreEvaluatedLeftToRightAtUseSites() throws Exception {
        FileReport r = check("ctx.reclaim", Policies.VOCABULARY + """
                system s {
                    memory 64 pages min 1 low 2 high 3
                    thread t task { alloc 1 KERNEL - fs - io  alloc 1 none + io  alloc 1 NOIO + (fs - fs) }
                }
                """);
        SystemModel s = r.systems().get(0);
        List<Stmt> body = s.thread("t").orElseThrow().body();
        assertEquals(List.of("direct", "kswapd"), s.vocab().names(((Stmt.Alloc) body.get(0)).ctx().perms()));
        assertEquals("KERNEL - fs - io", ((Stmt.Alloc) body.get(0)).ctx().text());
        assertEquals(List.of("io"), s.vocab().names(((Stmt.Alloc) body.get(1)).ctx().perms()));
        assertEquals(List.of("direct", "kswapd"), s.vocab().names(((Stmt.Alloc) body.get(2)).ctx().perms()));
    }

    @Test
    void unknownNamesAreReportedAtTheReferenceWithTheNearestCandidate() throws Exception {
        FileReport r = check("unknown.reclaim", Policies.VOCABULARY + """
                system s {
                    device sda
                    block loop0 on sdb
                    thread w task { lock nolock  call misssing }
                    alloc
                }
                """);
        assertEquals(List.of(
                "18:20 unknown instance 'sdb' (did you mean 'sda'?)",
                "19:26 unknown lock 'nolock'",
                "19:39 unknown op 'misssing'"), lines(r, "unknown-name"));
        assertEquals(List.of("20:5 extraneous input 'alloc' expecting '}'"), lines(r, "syntax"));
    }

    @Test
    void oneSyntaxErrorDoesNotHideTheNextOne() throws Exception {
        FileReport r = check("two.reclaim", """
                policy p
                permission direct
                context K = direct +
                layer fs guarded by
                permission ok
                system s { thread t task { alloc x } }
                """);
        List<String> syntax = lines(r, "syntax");
        assertTrue(syntax.size() >= 2, syntax.toString());
        assertTrue(syntax.stream().anyMatch(l -> l.startsWith("4:")), syntax.toString());
        assertTrue(syntax.stream().anyMatch(l -> l.startsWith("6:")), syntax.toString());
    }

    @Test
    void importsResolveRelativeToTheImportingFileAndAreNotTransitive() throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/base.reclaim"), "policy base\nimport \"perms.reclaim\"\n"
                + "context KERNEL = direct + io\nlayer fs guarded by io\n");
        Files.writeString(dir.resolve("lib/perms.reclaim"), "policy perms\npermission direct\npermission io\n");
        FileReport r = check("main.reclaim", """
                policy main
                import "lib/base.reclaim"
                system s {
                    memory 64 pages min 1 low 2 high 3
                    fs x
                    thread t task { alloc 1 KERNEL  alloc 1 io }
                }
                """);
        assertEquals(List.of("6:45 unknown permission or context 'io'"), lines(r, "unknown-name"));
        SystemModel s = r.systems().get(0);
        Stmt.Alloc alloc = (Stmt.Alloc) s.thread("t").orElseThrow().body().get(0);
        assertEquals(List.of("direct", "io"), s.vocab().names(alloc.ctx().perms()),
                "an imported context keeps the meaning its own file gave it");
    }

    @Test
    void missingCyclicAndClashingImportsAreLocatedErrors() throws Exception {
        Files.writeString(dir.resolve("a.reclaim"), "policy a\nimport \"b.reclaim\"\npermission direct\n");
        Files.writeString(dir.resolve("b.reclaim"), "policy b\nimport \"a.reclaim\"\npermission other\n");
        Files.writeString(dir.resolve("c.reclaim"), "policy c\npermission direct\n");
        FileReport r = check("main.reclaim", """
                policy main
                import "nothere.reclaim"
                import "a.reclaim"
                import "c.reclaim"
                """);
        List<String> imports = lines(r, "import");
        assertEquals(2, imports.size(), imports.toString());
        assertTrue(imports.get(0).startsWith("2:1 cannot read imported file 'nothere.reclaim' (resolved to "),
                imports.get(0));
        assertEquals("4:1 'direct' is imported from both 'a.reclaim' and 'c.reclaim'", imports.get(1));
        FileReport a = compiler.check(List.of(dir.resolve("a.reclaim"))).get(0);
        assertEquals(List.of("2:1 import cycle: a.reclaim imports b.reclaim imports a.reclaim"), lines(a, "import"));
    }

    @Test
    void duplicateVocabularyNamesAreReportedAtTheSecondDeclaration() throws Exception {
        FileReport r = check("dup.reclaim", """
                policy p
                permission direct
                permission direct
                context direct = none
                layer fs
                layer fs
                """);
        assertEquals(List.of(
                "3:12 permission 'direct' is already declared as a permission at line 2",
                "4:9 context 'direct' has the name of a permission: permissions and contexts share one namespace in expressions, where 'direct' means the permission",
                "6:7 layer 'fs' is already declared as a layer at line 5"), lines(r, "duplicate-name"));
    }

    @Test
    void keywordsThatMayBeNamesAreNames() throws Exception {
        FileReport r = check("kw.reclaim", """
                policy kswapd.task
                permission direct
                permission kswapd
                permission shared
                context task = direct + kswapd + shared
                layer task guarded by shared
                system shared {
                    memory 64 pages min 1 low 2 high 3
                    task kswapd
                    rwsem sem in kswapd reader-preferring
                    thread task kswapd
                    thread shared task scope task { lock sem shared  alloc 1 task  unlock sem }
                }
                """);
        assertEquals(List.of(), lines(r, "syntax"));
        assertEquals(List.of(), lines(r, "unknown-name"));
        SystemModel s = r.systems().get(0);
        assertEquals("task", s.instance("kswapd").orElseThrow().layer());
        assertEquals(false, s.lock("sem").orElseThrow().writerPreferring());
        assertTrue(((Stmt.Lock) s.thread("shared").orElseThrow().body().get(0)).shared());
    }

    @Test
    void findingsAreSortedByLocation() throws Exception {
        FileReport r = check("order.reclaim", Policies.VOCABULARY + Policies.SEED_SYSTEM);
        List<Integer> lines = r.findings().stream().map(Reported::finding).map(f -> f.pos().line()).toList();
        assertEquals(lines.stream().sorted().toList(), lines);
    }
}
