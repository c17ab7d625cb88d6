package dev.reclaim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;

/**
 * Parse + link + check time for generated systems of 10 to 10,000 instances and threads, in
 * process (warm JVM) and end to end through the ./reclaimc launcher (JVM start included). Prints
 * medians and ratios against baselines measured in the same run: the smallest system in process,
 * and {@code reclaimc --version} (JVM and launcher start, no policy) for the CLI.
 *
 * <p>Run: {@code ./mvnw -q -pl generator -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.reclaim.bench.CheckBenchmark} (see README, "Speed").
 */
public final class CheckBenchmark {
    private static final int[] SIZES = { 10, 100, 1_000, 10_000 };

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("reclaim-bench");
        List<Path> files = new ArrayList<>();
        for (int n : SIZES) {
            int units = Math.max(1, (n - 2) / 6);
            Path f = dir.resolve("stack" + n + ".reclaim");
            Files.writeString(f, SyntheticStack.policy(units), StandardCharsets.UTF_8);
            files.add(f);
        }
        ReclaimCompiler compiler = ReclaimCompiler.create();
        System.out.println("in process (warm JVM): parse + link + check, median of runs");
        System.out.printf(Locale.ROOT, "%10s %10s %12s %14s%n", "size", "ms", "x smallest", "x previous");
        double smallest = 0;
        double previous = 0;
        for (int i = 0; i < SIZES.length; i++) {
            Path f = files.get(i);
            int runs = SIZES[i] >= 10_000 ? 5 : 15;
            for (int w = 0; w < 3; w++) {
                check(compiler, f);
            }
            double[] ms = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                check(compiler, f);
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
            double med = median(ms);
            if (i == 0) {
                smallest = med;
            }
            System.out.printf(Locale.ROOT, "%10d %10.1f %12.1f %14s%n", SIZES[i], med, med / smallest,
                    i == 0 ? "-" : String.format(Locale.ROOT, "%.1f", med / previous));
            previous = med;
        }
        Path launcher = Path.of("reclaimc").toAbsolutePath();
        if (!Files.isExecutable(launcher)) {
            launcher = Path.of("../reclaimc").toAbsolutePath().normalize();
        }
        if (Files.isExecutable(launcher)) {
            System.out.println();
            System.out.println("end to end: " + launcher + " (JVM start included), median of 5 runs");
            double base = median(wall(List.of(launcher.toString(), "--version"), 5));
            System.out.printf(Locale.ROOT, "%10s %10.0f %12s%n", "--version", base, "baseline");
            for (int i = 0; i < SIZES.length; i++) {
                double med = median(wall(List.of(launcher.toString(), "check", files.get(i).toString()), 5));
                System.out.printf(Locale.ROOT, "%10d %10.0f %12.2f%n", SIZES[i], med, med / base);
            }
        }
    }

    private static void check(ReclaimCompiler compiler, Path f) throws ReclaimCompiler.InputException {
        List<FileReport> reports = compiler.check(List.of(f));
        if (reports.get(0).hasActiveErrors()) {
            throw new IllegalStateException("the generated system should check clean: " + reports.get(0).findings());
        }
    }

    private static double[] wall(List<String> command, int runs) throws IOException, InterruptedException {
        double[] ms = new double[runs];
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
