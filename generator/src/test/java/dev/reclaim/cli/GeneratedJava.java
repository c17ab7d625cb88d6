package dev.reclaim.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Compiles generated sources with {@code javax.tools} as a strict user build would
 * ({@code -Xlint:all -Xdoclint:all -Werror}: no warning, and Javadoc complete and well-formed; against
 * the runtime and JUnit only: no Xtext, no EMF), loads them,
 * and runs generated JUnit 5 classes with the JUnit Platform Launcher.
 */
final class GeneratedJava {
    /** Classes whose jars (or class folders) generated code compiles against. */
    private static final List<String> CLASSPATH_OF = List.of("dev.reclaim.model.SystemModel",
            "org.junit.jupiter.api.Test", "org.apiguardian.api.API", "org.opentest4j.AssertionFailedError",
            "org.junit.platform.commons.annotation.Testable");

    private GeneratedJava() {
    }

    static List<Path> sources(Path... roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        return out.stream().distinct().toList();
    }

    static String classpath() {
        List<String> parts = new ArrayList<>();
        for (String name : CLASSPATH_OF) {
            try {
                URL url = Class.forName(name).getProtectionDomain().getCodeSource().getLocation();
                parts.add(Path.of(url.toURI()).toString());
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException("cannot locate " + name, e);
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    /** Compiles into {@code classes}; returns javac's diagnostics (empty when it compiled cleanly). */
    static String compile(List<Path> sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(sources);
            List<String> options = List.of("-Xlint:all", "-Xdoclint:all", "-Werror", "--release", "17", "-encoding", "US-ASCII",
                    "-classpath", classpath(), "-d", classes.toString());
            boolean ok = javac.getTask(out, fm, diagnostics, options, null, units).call();
            StringBuilder b = new StringBuilder(out.toString());
            diagnostics.getDiagnostics().forEach(d -> b.append(d).append('\n'));
            if (!ok && b.length() == 0) {
                b.append("javac failed");
            }
            return b.toString();
        }
    }

    static URLClassLoader loader(Path classes) {
        try {
            return new URLClassLoader(new URL[] { classes.toUri().toURL() }, GeneratedJava.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the named test classes from {@code loader}; the summary counts and lists failures. */
    static TestExecutionSummary runTests(ClassLoader loader, List<String> classNames) throws ClassNotFoundException {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : classNames) {
            request.selectors(selectClass(Class.forName(name, true, loader)));
        }
        LauncherDiscoveryRequest built = request.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            launcher.execute(built, listener);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return listener.getSummary();
    }

    /** The fully qualified class names of the {@code *Test.java} files below {@code root}. */
    static List<String> testClasses(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : sources(root)) {
            String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '.');
            if (rel.endsWith("Test.java")) {
                out.add(rel.substring(0, rel.length() - ".java".length()));
            }
        }
        return out;
    }

    static String failures(TestExecutionSummary summary) {
        StringWriter w = new StringWriter();
        summary.printFailuresTo(new java.io.PrintWriter(w), 20);
        return w.toString();
    }
}
