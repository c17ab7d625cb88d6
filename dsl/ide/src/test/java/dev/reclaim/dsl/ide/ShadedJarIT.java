package dev.reclaim.dsl.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as an editor starts it: {@code java -jar target/reclaim-ls.jar}, LSP over its
 * stdin and stdout. Runs in the verify phase, after the jar is built.
 */
class ShadedJarIT extends LspScenario {

    @Test
    void shadedJarOverStdio(@TempDir Path workspace) throws Exception {
        Path jar = Path.of(System.getProperty("reclaim.ls.jar", "target/reclaim-ls.jar"));
        assertTrue(Files.isRegularFile(jar), "missing " + jar.toAbsolutePath());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = workspace.resolveSibling(workspace.getFileName() + "-stderr.log");
        Process process = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectError(ProcessBuilder.Redirect.to(new File(log.toString()))).start();
        try {
            run(workspace, process.getInputStream(), process.getOutputStream());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not exit after 'exit'");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
