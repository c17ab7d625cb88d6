package dev.reclaim.eclipse.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** What the UI tests need from the running workbench: a project of seed files, waiting, screenshots. */
final class Workbench {
    private Workbench() {
    }

    /** A project holding a copy of every examples/seed/*.reclaim (the directory is a system property). */
    static IProject seedProject() throws CoreException, IOException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("seed");
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        Path seeds = Path.of(System.getProperty("reclaim.seeds"));
        try (var files = Files.list(seeds)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".reclaim")).sorted().toList()) {
                IFile file = project.getFile(p.getFileName().toString());
                if (!file.exists()) {
                    file.create(Files.newInputStream(p), true, null);
                }
            }
        }
        return project;
    }

    /** Runs the event loop until {@code condition} holds; fails after {@code seconds}. */
    static void waitUntil(String what, int seconds, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> { });
                display.sleep();
            }
        }
    }

    /** Lets pending UI work (painting, async runnables) run for {@code millis}. */
    static void settle(int millis) {
        Display display = Display.getCurrent();
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** Saves what the screen shows of {@code shell} as a PNG. */
    static Path screenshot(Shell shell, String name) throws IOException {
        Display display = shell.getDisplay();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of(System.getProperty("reclaim.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }
}
