package dev.reclaim.analysis.structure;

import static dev.reclaim.testing.TestSystems.bin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.ContextDef;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Vocabulary;
import dev.reclaim.testing.FindingText;

class ContextResolverTest {
    private static final Expr.Op ADD = Expr.Op.ADD;
    private static final Expr.Op SUB = Expr.Op.REMOVE;

    private static SourcePos at(int line) {
        return SourcePos.of("v.reclaim", line, 1);
    }

    private static Expr.Ref ref(String name, int line) {
        return new Expr.Ref(name, at(line));
    }

    private static ContextDefinition def(String name, Expr e, int line) {
        return new ContextDefinition(name, e, null, at(line));
    }

    private static Vocabulary perms(String... names) {
        Vocabulary v = new Vocabulary();
        for (String n : names) {
            v.addPermission(n, null, SourcePos.UNKNOWN);
        }
        return v;
    }

    /** direct=1, kswapd=2, io=4, fs=8. */
    private static final Vocabulary LINUX = perms("direct", "kswapd", "io", "fs");

    private static List<ContextDefinition> linuxDefs() {
        return List.of(
                def("KERNEL", bin(bin(bin(ref("direct", 1), ADD, ref("kswapd", 1)), ADD, ref("io", 1)), ADD,
                        ref("fs", 1)), 1),
                def("NOFS", bin(ref("KERNEL", 2), SUB, ref("fs", 2)), 2),
                def("NOIO", bin(ref("NOFS", 3), SUB, ref("io", 3)), 3),
                def("NOWAIT", ref("kswapd", 4), 4),
                def("NONE", new Expr.None(at(5)), 5));
    }

    @Test
    void resolvesTheLinuxContextsInDeclarationOrder() {
        ContextResolver.Resolution r = new ContextResolver(LINUX, linuxDefs(), "linux.storage").resolve();
        assertEquals(List.of(), r.findings());
        assertEquals(Map.of("KERNEL", new PermSet(15), "NOFS", new PermSet(7), "NOIO", new PermSet(3),
                "NOWAIT", new PermSet(2), "NONE", PermSet.NONE), r.contexts());
        assertEquals(List.of("KERNEL", "NOFS", "NOIO", "NOWAIT", "NONE"), List.copyOf(r.contexts().keySet()));
    }

    @Test
    void evaluatesLeftToRightAtUseSites() {
        ContextResolver cr = new ContextResolver(LINUX, linuxDefs(), null);
        // (NOIO - io) + io = NOFS, whereas NOIO - (io + io) would be NOIO
        Expr e = bin(bin(ref("NOIO", 9), SUB, ref("io", 9)), ADD, ref("io", 9));
        assertEquals(new PermSet(7), cr.evaluate(e));
        assertEquals("NOIO - io + io", cr.ctx(e).text());
        assertEquals(PermSet.NONE, cr.evaluate(new Expr.None(at(9))));
        assertEquals(List.of(ref("dirct", 9)), cr.unknownNames(bin(ref("KERNEL", 9), SUB, ref("dirct", 9))));
        assertEquals(new PermSet(15), cr.evaluate(bin(ref("KERNEL", 9), SUB, ref("dirct", 9))));
    }

    @Test
    void contextDefsFeedTheVocabulary() {
        Vocabulary v = perms("direct", "kswapd", "io", "fs");
        new ContextResolver(v, linuxDefs(), null).contextDefs().forEach(v::addContext);
        assertEquals("NOIO", v.describe(new PermSet(3)));
        // a later file's definitions may use the imported ones
        ContextResolver later = new ContextResolver(v, List.of(def("MINE", bin(ref("NOIO", 1), ADD, ref("fs", 1)), 1)),
                null);
        assertEquals(List.of(), later.resolve().findings());
        assertEquals(new PermSet(11), later.resolve().contexts().get("MINE"));
    }

    @Test
    void cycleIsReportedOnceAtItsFirstContextAndItsMembersAreEmpty() {
        List<ContextDefinition> defs = List.of(
                def("A", bin(ref("B", 1), ADD, ref("io", 1)), 1),
                def("B", bin(ref("A", 2), SUB, ref("fs", 2)), 2),
                def("C", bin(ref("A", 3), ADD, ref("fs", 3)), 3),
                def("direct_ok", ref("direct", 4), 4));
        ContextResolver.Resolution r = new ContextResolver(LINUX, defs, "p").resolve();
        assertEquals(List.of("context-cycle:1: context A is defined through itself: A -> B -> A"),
                FindingText.of(r.findings()));
        Finding f = r.findings().get(0);
        assertEquals("p/context A", f.declaration());
        assertEquals(null, f.system());
        assertEquals(2, f.related().size());
        assertEquals(PermSet.NONE, r.contexts().get("A"));
        assertEquals(PermSet.NONE, r.contexts().get("B"));
        assertEquals(new PermSet(8), r.contexts().get("C"));
    }

    @Test
    void selfReferenceIsACycle() {
        ContextResolver.Resolution r = new ContextResolver(LINUX,
                List.of(def("X", bin(ref("X", 7), ADD, ref("io", 7)), 7)), null).resolve();
        assertEquals(List.of("context-cycle:7: context X is defined through itself: X -> X"),
                FindingText.of(r.findings()));
        assertEquals("context X", r.findings().get(0).declaration());
    }

    @Test
    void unknownOperandIsReportedAtTheOperand() {
        ContextResolver.Resolution r = new ContextResolver(LINUX,
                List.of(def("Y", bin(ref("direct", 2), SUB, ref("dirct", 3)), 2)), null).resolve();
        assertEquals(List.of("unknown-name:3: unknown permission or context 'dirct'"), FindingText.of(r.findings()));
        assertEquals(new PermSet(1), r.contexts().get("Y"));
    }

    @Test
    void contextsWithoutADirectPermission() {
        Vocabulary v = perms("io", "fs");
        ContextResolver.Resolution r = new ContextResolver(v,
                List.of(def("ALL", bin(ref("io", 4), ADD, ref("fs", 4)), 4), def("NOFS", ref("io", 5), 5)), null)
                .resolve();
        assertEquals(List.of("no-direct-permission:4: contexts are declared but no permission is named 'direct' "
                + "(it plays __GFP_DIRECT_RECLAIM)"), FindingText.of(r.findings()));
        assertEquals(Rule.NO_DIRECT, r.findings().get(0).rule());
    }

    @Test
    void noContextsNeedNoDirect() {
        assertEquals(List.of(), new ContextResolver(perms("io"), List.of(), null).resolve().findings());
    }

    @Test
    void contextNamedLikeAPermissionIsADuplicateAndTheNameStaysThePermission() {
        List<ContextDefinition> defs = List.of(
                def("fs", ref("io", 1), 1),
                def("K", bin(bin(ref("direct", 2), ADD, ref("io", 2)), ADD, ref("fs", 2)), 2));
        ContextResolver.Resolution r = new ContextResolver(LINUX, defs, null).resolve();
        assertEquals(List.of("duplicate-name:1: context 'fs' has the name of a permission: permissions and contexts "
                + "share one namespace in expressions, where 'fs' means the permission"), FindingText.of(r.findings()));
        assertEquals(new PermSet(1 + 4 + 8), r.contexts().get("K"));
    }

    @Test
    void duplicateContextKeepsTheFirst() {
        List<ContextDefinition> defs = List.of(def("A", ref("io", 1), 1), def("A", ref("fs", 2), 2));
        ContextResolver cr = new ContextResolver(LINUX, defs, null);
        assertEquals(List.of("duplicate-name:2: duplicate context name 'A' (first declared at line 1)"),
                FindingText.of(cr.resolve().findings()));
        assertEquals(new PermSet(4), cr.resolve().contexts().get("A"));
        List<ContextDef> out = cr.contextDefs();
        assertEquals(1, out.size());
        assertTrue(out.get(0).pos().line() == 1);
    }
}
