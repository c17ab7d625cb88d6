package dev.reclaim.dsl.compile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.common.TerminalsStandaloneSetup;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Provider;

import dev.reclaim.dsl.ReclaimStandaloneSetup;
import dev.reclaim.dsl.reclaim.ReclaimPackage;
import dev.reclaim.dsl.lowering.Lowering;

/**
 * The standalone front door for command-line tools and generated tests: reads policy files,
 * refusing unreadable input with a one-line reason, and checks each one.
 */
public class ReclaimCompiler {

    /** Input the compiler cannot read at all (missing, a directory, not UTF-8, empty). */
    public static final class InputException extends Exception {
        private static final long serialVersionUID = 1L;

        public InputException(String message) {
            super(message);
        }
    }

    @Inject
    private Provider<XtextResourceSet> resourceSets;

    @Inject
    private FileAnalysis analysis;

    /**
     * A compiler with its own injector. It registers the language in EMF's global registries only
     * when nothing has yet: a host that set the language up first (the language server, the Eclipse
     * editor) keeps its registration, so resources it loads are never parsed with another injector's
     * grammar (Xtext's content assist fails on grammar elements it did not create). The compiler's
     * own resource sets use its own factory whatever the global registry holds.
     */
    public static ReclaimCompiler create() {
        // What createInjectorAndDoEMFRegistration does first: the grammar's own (xtextbin) loading.
        TerminalsStandaloneSetup.doSetup();
        ReclaimStandaloneSetup setup = new ReclaimStandaloneSetup();
        Injector injector = setup.createInjector();
        if (!Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap().containsKey(EXTENSION)) {
            setup.register(injector);
        } else if (!EPackage.Registry.INSTANCE.containsKey(ReclaimPackage.eNS_URI)) {
            EPackage.Registry.INSTANCE.put(ReclaimPackage.eNS_URI, ReclaimPackage.eINSTANCE);
        }
        return injector.getInstance(ReclaimCompiler.class);
    }

    private static final String EXTENSION = "reclaim";

    @Inject
    private IResourceFactory resourceFactory;

    /** A fresh resource set that parses {@code .reclaim} files with this compiler's injector. */
    private XtextResourceSet newResourceSet() {
        XtextResourceSet rs = resourceSets.get();
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put(EXTENSION, resourceFactory);
        return rs;
    }

    public FileAnalysis analysis() {
        return analysis;
    }

    /** Refuses input that is not a readable, non-empty UTF-8 file, naming the reason. */
    public static void checkReadable(Path file) throws InputException {
        if (!Files.exists(file)) {
            throw new InputException("cannot read '" + file + "': no such file");
        }
        if (Files.isDirectory(file)) {
            throw new InputException("cannot read '" + file + "': it is a directory");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException("cannot read '" + file + "': " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new InputException("cannot read '" + file + "': the file is empty");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new InputException("cannot read '" + file + "': it is not UTF-8 text");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new InputException("cannot read '" + file + "': it is a binary file (contains NUL bytes)");
            }
        }
    }

    /**
     * Checks text that is not (or not yet) on disk, as if it were the file {@code path}: an editor
     * buffer, a generated test's policy, a fuzzer's input. Imports still resolve relative to it.
     */
    public FileReport checkSource(Path path, String text) {
        XtextResourceSet rs = newResourceSet();
        URI uri = URI.createFileURI(path.toAbsolutePath().normalize().toString());
        Resource r = rs.createResource(uri);
        try (var in = new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            r.load(in, rs.getLoadOptions());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return analysis.analyse(r);
    }

    /**
     * Names files as the user gave them on the command line, and the files they import relative to
     * the working directory when every given path was relative, so output does not depend on where
     * the checkout lies.
     */
    private static java.util.function.Function<Resource, String> namesAsGiven(List<Path> files) {
        Map<String, String> given = new HashMap<>();
        boolean allRelative = true;
        for (Path f : files) {
            given.putIfAbsent(f.toAbsolutePath().normalize().toString(), f.normalize().toString());
            allRelative &= !f.isAbsolute();
        }
        boolean relative = allRelative;
        Path cwd = Path.of("").toAbsolutePath();
        return r -> {
            if (r != null && r.getURI() != null && r.getURI().isFile()) {
                Path p = Path.of(r.getURI().toFileString()).toAbsolutePath().normalize();
                String shown = given.get(p.toString());
                if (shown != null) {
                    return shown;
                }
                if (relative && p.getRoot() != null && p.getRoot().equals(cwd.getRoot())) {
                    return cwd.relativize(p).toString();
                }
            }
            return Lowering.defaultFileName(r);
        };
    }

    /**
     * Only parses and lowers one file, without the static checks: what the simulator needs. A file
     * with syntax or checking errors still lowers as far as it parsed (the checker is not the
     * simulator's oracle).
     */
    public List<dev.reclaim.model.SystemModel> systems(Path file) throws InputException {
        checkReadable(file);
        XtextResourceSet rs = newResourceSet();
        Lowering lowering = analysis.lowering();
        lowering.setFileNames(namesAsGiven(List.of(file)));
        try {
            Resource r;
            try {
                r = rs.getResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()), true);
            } catch (RuntimeException e) {
                throw new InputException("cannot read '" + file + "': " + e.getMessage());
            }
            if (r.getContents().isEmpty() || !(r.getContents().get(0) instanceof dev.reclaim.dsl.reclaim.Model model)) {
                return List.of();
            }
            return lowering.lower(model).systems();
        } finally {
            lowering.setFileNames(Lowering::defaultFileName);
        }
    }

    /**
     * Loads every file into one resource set (so shared imports are parsed once) and checks each.
     * Locations name a file the way it was given ({@code ../examples/seed/x.reclaim} stays relative,
     * an absolute path stays absolute), as compilers do; a file reached only by import is shown
     * relative to the working directory when every given path is relative, else by
     * {@link Lowering#defaultFileName}.
     */
    public List<FileReport> check(List<Path> files) throws InputException {
        for (Path f : files) {
            checkReadable(f);
        }
        Lowering lowering = analysis.lowering();
        lowering.setFileNames(namesAsGiven(files));
        try {
            XtextResourceSet rs = newResourceSet();
            List<Resource> resources = new ArrayList<>();
            for (Path f : files) {
                URI uri = URI.createFileURI(f.toAbsolutePath().normalize().toString());
                try {
                    resources.add(rs.getResource(uri, true));
                } catch (RuntimeException e) {
                    throw new InputException("cannot read '" + f + "': " + e.getMessage());
                }
            }
            List<FileReport> reports = new ArrayList<>();
            for (Resource r : resources) {
                reports.add(analysis.analyse(r));
            }
            return reports;
        } finally {
            lowering.setFileNames(Lowering::defaultFileName);
        }
    }
}
