package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reclaimc generate}: golden output for the 2019 seed and its vocabulary (in
 * {@code src/test/resources/golden/generate/}; regenerate with
 * {@code ./mvnw -o -pl generator -am verify -Dtest=GenerateCliTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dreclaim.golden.update=true}), byte-identical reruns that leave unchanged files alone, atomic
 * replacement, nothing written outside the output directories or on any error, and the exit statuses.
 */
class GenerateCliTest {
    private static final boolean UPDATE = Boolean.getBoolean("reclaim.golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/generate");
    private static final String SEED = "../examples/seed/";
    private static final String ESCAPING = "src/test/resources/generate/escaping.reclaim";

    @TempDir
    Path dir;

    /** Every file below {@code root}, by relative path (with '/'), with its text. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private CliRun generateSeed(Path main, Path test) {
        return CliRun.of("generate", SEED + "base.reclaim", SEED + "seed_2019_buggy.reclaim", "-o", main.toString(),
                "--test-output", test.toString());
    }

    @Test
    void seedMatchesGoldenFiles() throws IOException {
        Path main = dir.resolve("main");
        Path test = dir.resolve("test");
        CliRun r = generateSeed(main, test);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertEquals("generated 9 files in " + main + " (1 test in " + test + ")\n", r.out());
        Map<String, String> actual = new LinkedHashMap<>();
        tree(main).forEach((k, v) -> actual.put("main/" + k, v));
        tree(test).forEach((k, v) -> actual.put("test/" + k, v));
        if (UPDATE) {
            for (Map.Entry<String, String> e : actual.entrySet()) {
                Path g = GOLDEN.resolve(e.getKey());
                Files.createDirectories(g.getParent());
                Files.writeString(g, e.getValue(), StandardCharsets.UTF_8);
            }
        }
        Map<String, String> golden = new LinkedHashMap<>();
        tree(GOLDEN).forEach(golden::put);
        assertEquals(golden.keySet(), actual.keySet());
        for (Map.Entry<String, String> e : golden.entrySet()) {
            assertEquals(e.getValue(), actual.get(e.getKey()), e.getKey());
        }
    }

    @Test
    void rerunsAreByteIdenticalAndLeaveUnchangedFilesAlone() throws IOException {
        Path main = dir.resolve("main");
        assertEquals(0, generateSeed(main, main).exit());
        Map<String, String> first = tree(main);
        Path facade = main.resolve("linux/storage/Storage.java");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(facade, old);
        // another run, in another directory: the same bytes
        Path other = dir.resolve("other");
        assertEquals(0, generateSeed(other, other).exit());
        assertEquals(first, tree(other));
        // the same directory again: nothing changes, not even a modification time
        assertEquals(0, generateSeed(main, main).exit());
        assertEquals(first, tree(main));
        assertEquals(old, Files.getLastModifiedTime(facade));
    }

    @Test
    void aChangedFileIsReplacedAndNothingElseIsTouched() throws IOException {
        Path main = dir.resolve("main");
        Path facade = main.resolve("linux/storage/Storage.java");
        Files.createDirectories(facade.getParent());
        Files.writeString(facade, "stale");
        Path foreign = main.resolve("linux/storage/Mine.java");
        Files.writeString(foreign, "mine");
        assertEquals(0, generateSeed(main, main).exit());
        assertNotEquals("stale", Files.readString(facade));
        assertTrue(Files.readString(facade).contains("public final class Storage"));
        assertEquals("mine", Files.readString(foreign), "files generate did not write stay");
        try (Stream<Path> s = Files.walk(main)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file is left");
        }
    }

    @Test
    void writesOnlyBelowTheOutputDirectories() throws IOException {
        Path main = dir.resolve("out/main");
        Path test = dir.resolve("out/test");
        assertEquals(0, generateSeed(main, test).exit());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("out")), s.toList());
        }
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(main, test), s.sorted().toList());
        }
        assertTrue(tree(test).keySet().stream().allMatch(k -> k.endsWith("Test.java")));
        assertTrue(tree(main).keySet().stream().noneMatch(k -> k.endsWith("Test.java")));
    }

    @Test
    void policyWithErrorsIsReportedLikeCheckAndNothingIsWritten() throws IOException {
        Path bad = dir.resolve("bad.reclaim");
        Files.writeString(bad, "policy bad\npermission direct\nsystem s {\n    thread t task { lock nowhere }\n}\n");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("generate", bad.toString(), "-o", out.toString());
        CliRun check = CliRun.of("check", bad.toString());
        assertEquals(1, r.exit());
        assertEquals(1, check.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith(check.out()), r.err());
        assertTrue(r.err().contains(bad + ":4:"), "located: " + r.err());
        assertTrue(r.err().endsWith("reclaimc: error: nothing generated: the policies have errors\n"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aPolicyTheEnforcementLibraryCannotTakeIsRefused() throws IOException {
        Path nodirect = dir.resolve("nodirect.reclaim");
        Files.writeString(nodirect, "policy nodirect\npermission fs\nlayer fs guarded by fs\n");
        assertEquals(0, CliRun.of("check", nodirect.toString()).exit(), "checks clean: it declares no context");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("generate", nodirect.toString(), "-o", out.toString());
        assertEquals(1, r.exit());
        assertEquals("reclaimc: error: " + nodirect + ": policy nodirect declares no permission 'direct': run-time "
                + "enforcement needs it (an allocation reclaims only with it)\n", r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void unreadableInputIsAUsageErrorAndNothingIsWritten() {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("generate", dir.resolve("missing.reclaim").toString(), "-o", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no such file"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void usageErrors() throws IOException {
        Path out = dir.resolve("out");
        CliRun noOutput = CliRun.of("generate", SEED + "base.reclaim");
        assertEquals(2, noOutput.exit());
        CliRun badPackage = CliRun.of("generate", SEED + "base.reclaim", "-o", out.toString(), "--package", "a.class");
        assertEquals(2, badPackage.exit());
        assertTrue(badPackage.err().contains("'a.class' is not a legal Java package name"), badPackage.err());
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        CliRun notDir = CliRun.of("generate", SEED + "base.reclaim", "-o", file.toString());
        assertEquals(2, notDir.exit());
        assertTrue(notDir.err().contains("is not a directory"), notDir.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void packageOptionPutsEveryPolicyInOnePackage() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("generate", SEED + "base.reclaim", SEED + "seed_2019_buggy.reclaim",
                SEED + "seed_2019_noio_fix.reclaim", "-o", out.toString(), "--package", "com.example.reclaim");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("Seed2019Buggy.java", "Seed2019BuggyContexts.java", "Seed2019BuggyLayers.java",
                "Seed2019BuggyPermissions.java", "Seed2019BuggySystem.java", "Seed2019BuggySystemTest.java",
                "Seed2019NoioFix.java", "Seed2019NoioFixContexts.java", "Seed2019NoioFixLayers.java",
                "Seed2019NoioFixPermissions.java", "Seed2019NoioFixSystem.java", "Seed2019NoioFixSystemTest.java",
                "Storage.java", "StorageContexts.java", "StorageLayers.java", "StoragePermissions.java"),
                tree(out).keySet().stream().map(k -> k.substring("com/example/reclaim/".length())).sorted().toList());
    }

    @Test
    void escapedNamesCompileWithoutWarnings() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("generate", ESCAPING, "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, String> files = tree(out);
        assertTrue(files.containsKey("class_/int_/default_/ClassSystem.java"), files.keySet().toString());
        assertTrue(files.containsKey("class_/int_/default_/ClassSystem2.java"), "Class differs from class by case");
        String perms = files.get("class_/int_/default_/DefaultPermissions.java");
        assertTrue(perms.contains("int INT = 1 << 1;") && perms.contains("int INT_2 = 1 << 2;"), perms);
        assertTrue(perms.contains("int NO_FS = 1 << 4;") && perms.contains("int NO_FS_3 = 1 << 6;"), perms);
        String facade = files.get("class_/int_/default_/Default.java");
        assertTrue(facade.contains("public static Instance class_(String name)"), facade);
        assertTrue(facade.contains("public static Instance save_2(String name)"), "a layer named like a method");
        assertTrue(facade.contains("&#64;author") && !facade.contains("@author"), "doc text is not Javadoc markup");
        assertEquals("", GeneratedJava.compile(GeneratedJava.sources(out), dir.resolve("classes")));
    }
}
