package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reclaim.bench.SyntheticStack;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.gen.model.GenModelBuilder;
import dev.reclaim.model.SystemModel;

/**
 * Generated code for systems past the JVM's limits if written naively: a method holds at most
 * 64 KiB of bytecode, and each lambda is a method. Each case compiles without warnings and rebuilds
 * the model lowered from the source.
 */
class GeneratedScaleTest {
    @TempDir
    Path tmp;

    /** The generated source of the one system, and that system lowered and rebuilt. */
    private record Rebuilt(String source, SystemModel lowered, SystemModel rebuilt) {
    }

    private Rebuilt generate(String text, String pkg, String className) throws Exception {
        Path file = tmp.resolve("policy.reclaim");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("generate", file.toString(), "-o", out.toString(), "--package", pkg);
        assertEquals(0, r.exit(), r.err());
        String source = Files.readString(out.resolve(pkg.replace('.', '/') + "/" + className + ".java"),
                StandardCharsets.UTF_8);
        assertEquals("", GeneratedJava.compile(GeneratedJava.sources(out), tmp.resolve("classes")));
        SystemModel lowered = new GenModelBuilder(null).build(ReclaimCompiler.create().check(List.of(file)))
                .policies().get(0).systems().get(0).model();
        try (URLClassLoader l = GeneratedJava.loader(tmp.resolve("classes"))) {
            SystemModel rebuilt = (SystemModel) Class.forName(pkg + "." + className, true, l).getMethod("build")
                    .invoke(null);
            return new Rebuilt(source, lowered, rebuilt);
        }
    }

    /** Generated positions name the file by its base name. */
    private String relative(Object lowered) {
        return lowered.toString().replace(tmp + "/", "");
    }

    /** 400 copies of the seed stack: about 4,800 declarations, too many for one {@code build()}. */
    @Test
    void aSystemTooBigForOneMethodIsBuiltInParts() throws Exception {
        Rebuilt r = generate(SyntheticStack.policy(400), "big.stack", "Stack400System");
        int parts = (int) r.source().lines().filter(l -> l.matches(" {8}Part\\d+\\.apply\\(s\\);")).count();
        assertTrue(parts > 20 && r.source().contains("        Part" + (parts - 1) + ".apply(s);\n        return s.build();"),
                parts + " parts");
        assertEquals(2402, r.rebuilt().instances().size() + r.rebuilt().threads().size());
        assertEquals(GeneratedCodeTest.findings(r.lowered()), GeneratedCodeTest.findings(r.rebuilt()));
    }

    /** One thread of 3,000 statements: one lambda cannot hold them (javac even crashes on the chain). */
    @Test
    void aBodyTooBigForOneLambdaIsBuiltInGroups() throws Exception {
        StringBuilder text = new StringBuilder("""
                policy longbody
                permission direct
                permission io
                context KERNEL = direct + io
                context NOIO = KERNEL - io
                layer fs guarded by io
                layer block below fs guarded by io
                system long {
                    memory 4096 pages min 16 low 32 high 48
                    block b0 served by w
                    fs f0 on b0
                    thread w serves b0 {
                """);
        for (int i = 0; i < 1500; i++) {
            text.append("        alloc ").append(1 + i % 3).append(" NOIO free ").append(1 + i % 3).append("\n");
        }
        text.append("    }\n}\n");
        Rebuilt r = generate(text.toString(), "longbody", "LongSystem");
        assertEquals(15, r.source().lines().filter(l -> l.strip().startsWith(".group(b1 -> b1")).count());
        assertEquals(3000, r.rebuilt().threads().get(0).body().size());
        assertTrue(relative(r.lowered().threads().get(0).body()).equals(r.rebuilt().threads().get(0).body().toString()),
                "the rebuilt body differs from the lowered one");
        assertEquals(GeneratedCodeTest.findings(r.lowered()), GeneratedCodeTest.findings(r.rebuilt()));
    }
}
