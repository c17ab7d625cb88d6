package dev.reclaim.dsl.ide;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.findings.Finding;

/**
 * What an editor does with the language server, over any pair of streams: initialize on a
 * workspace holding copies of the seed examples, open the buggy seed, and check diagnostics,
 * completion, hover and document symbols, then shut down.
 */
abstract class LspScenario {

    private static final String CYCLE = "kswapd0 holds bufio_lock and waits for IO on thin0 (served by "
            + "loop0_worker); loop0_worker, allocating 1 KERNEL in op direct_io, may enter shrinker bufio, "
            + "which takes bufio_lock";

    private final Map<String, CompletableFuture<PublishDiagnosticsParams>> diagnostics = new ConcurrentHashMap<>();
    final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    /** Runs the scenario against a server reading {@code toServer} and writing {@code fromServer}. */
    void run(Path workspace, InputStream fromServer, OutputStream toServer) throws Exception {
        Path seeds = SeedFiles.directory();
        Files.copy(seeds.resolve("base.reclaim"), workspace.resolve("base.reclaim"));
        Path buggy = workspace.resolve("seed_2019_buggy.reclaim");
        Files.copy(seeds.resolve("seed_2019_buggy.reclaim"), buggy);
        String text = Files.readString(buggy, StandardCharsets.UTF_8);
        String uri = buggy.toUri().toString();
        // reclaimc check's findings, computed before the server starts: the standalone setup
        // registers its own injector in EMF's global registries, and a server initialized after
        // it registers the ide injector there again, so the two never mix in one workspace.
        Set<String> cli = new TreeSet<>();
        for (FileReport report : ReclaimCompiler.create().check(List.of(buggy))) {
            for (Reported r : report.findings()) {
                Finding f = r.finding();
                if (r.status() != Reported.Status.WAIVED && f.pos().file().equals(report.file())) {
                    cli.add(f.ruleId() + "|" + (f.pos().line() - 1) + "|" + f.message());
                }
            }
        }

        Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(new Client(), fromServer,
                toServer, executor, null);
        Future<Void> clientListening = clientLauncher.startListening();
        LanguageServer ls = clientLauncher.getRemoteProxy();
        try {
            InitializeParams init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            init.setRootUri(workspace.toUri().toString());
            TextDocumentClientCapabilities text2 = new TextDocumentClientCapabilities();
            DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
            symbols.setHierarchicalDocumentSymbolSupport(true);
            text2.setDocumentSymbol(symbols);
            ClientCapabilities capabilities = new ClientCapabilities();
            capabilities.setTextDocument(text2);
            init.setCapabilities(capabilities);
            InitializeResult result = ls.initialize(init).get(30, SECONDS);
            assertNotNull(result.getCapabilities().getCompletionProvider());
            ls.initialized(new InitializedParams());

            ls.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "reclaim", 1, text)));

            // Diagnostics: the editor's markers carry the rule ids and the CLI's messages.
            PublishDiagnosticsParams published = diagnosticsFor(uri).get(30, SECONDS);
            Set<String> codes = new TreeSet<>();
            for (Diagnostic d : published.getDiagnostics()) {
                codes.add(code(d));
            }
            assertTrue(codes.containsAll(List.of("reclaim-recursion", "reclaim-cycle", "layering", "upward-gate",
                    "io-path-context")), "codes: " + codes);
            Diagnostic cycle = published.getDiagnostics().stream().filter(d -> "reclaim-cycle".equals(code(d)))
                    .findFirst().orElseThrow();
            assertEquals(CYCLE, cycle.getMessage().getLeft());
            assertEquals(52, cycle.getRange().getStart().getLine());
            // ... and every diagnostic is one of reclaimc check's findings, with the same rule, line and message.
            Set<String> lsp = new TreeSet<>();
            for (Diagnostic d : published.getDiagnostics()) {
                lsp.add(code(d) + "|" + d.getRange().getStart().getLine() + "|" + d.getMessage().getLeft());
            }
            assertEquals(cli, lsp);

            // Completion after "alloc 1 ": the contexts and permissions in scope.
            int line = lineOf(text, "        alloc 1 KERNEL");
            CompletionParams completion = new CompletionParams(new TextDocumentIdentifier(uri),
                    new Position(line, "        alloc 1 ".length()));
            Either<List<CompletionItem>, CompletionList> items = ls.getTextDocumentService().completion(completion)
                    .get(30, SECONDS);
            List<CompletionItem> list = items.isLeft() ? items.getLeft() : items.getRight().getItems();
            Set<String> labels = list.stream().map(CompletionItem::getLabel).collect(Collectors.toSet());
            assertTrue(labels.containsAll(List.of("KERNEL", "NOFS", "NOIO", "NOWAIT", "fs", "io")),
                    "labels: " + labels);

            // Hover on a declared name shows its doc comment.
            int workerLine = lineOf(text, "    thread loop0_worker serves loop0 {");
            Hover hover = ls.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                    new Position(workerLine, "    thread loop0_".length()))).get(30, SECONDS);
            assertNotNull(hover);
            String hoverText = hover.getContents().isRight() ? hover.getContents().getRight().getValue()
                    : hover.getContents().getLeft().toString();
            assertTrue(hoverText.contains("The loop kthread worker (loop_queue_work): no memalloc scope before "
                    + "d0a255e795ab."), "hover: " + hoverText);

            // Document symbols: the system and its threads.
            List<Either<SymbolInformation, DocumentSymbol>> found = ls.getTextDocumentService()
                    .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))).get(30, SECONDS);
            List<String> names = new ArrayList<>();
            for (Either<SymbolInformation, DocumentSymbol> e : found) {
                if (e.isLeft()) {
                    names.add(e.getLeft().getName());
                } else {
                    collect(e.getRight(), names);
                }
            }
            assertTrue(names.containsAll(List.of("seed_2019_buggy", "kswapd0", "loop0_worker", "reader", "writer")),
                    "symbols: " + names);

            // Code actions: the quick fixes of the io-path-context diagnostic, keyed on its rule id.
            Diagnostic ioPath = published.getDiagnostics().stream().filter(d -> "io-path-context".equals(code(d)))
                    .findFirst().orElseThrow();
            List<Either<Command, CodeAction>> actions = ls.getTextDocumentService().codeAction(new CodeActionParams(
                    new TextDocumentIdentifier(uri), ioPath.getRange(), new CodeActionContext(List.of(ioPath))))
                    .get(30, SECONDS);
            assertEquals(List.of("Run loop0_worker under scope NOIO", "Allocate with NOIO instead of KERNEL"),
                    actions.stream().map(a -> a.isRight() ? a.getRight().getTitle() : a.getLeft().getTitle()).toList());
            List<TextEdit> wrap = actions.get(0).getRight().getEdit().getChanges().values().iterator().next();
            assertEquals(text.replace("thread loop0_worker serves loop0 {", "thread loop0_worker serves loop0 scope NOIO {"),
                    apply(text, wrap));

            // Formatting: one statement per line inside the shrinker's one-line `if`s.
            List<? extends TextEdit> format = ls.getTextDocumentService().formatting(new DocumentFormattingParams(
                    new TextDocumentIdentifier(uri), new FormattingOptions(4, true))).get(30, SECONDS);
            String formatted = apply(text, format);
            assertTrue(formatted.contains("""
                            unlock bufio_lock
                        }
                        scan {
                            if fs {
                                lock bufio_lock
                            } else {
                                trylock bufio_lock else stop
                            } // 9d28eb12447e
                """), () -> "formatted: " + formatted);

            ls.shutdown().get(30, SECONDS);
            ls.exit();
        } finally {
            clientListening.cancel(true);
        }
    }

    private static void collect(DocumentSymbol symbol, List<String> names) {
        names.add(symbol.getName());
        if (symbol.getChildren() != null) {
            for (DocumentSymbol child : symbol.getChildren()) {
                collect(child, names);
            }
        }
    }

    /** Applies LSP edits (non-overlapping) to {@code text}. */
    private static String apply(String text, List<? extends TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(offset(text, b.getRange().getStart()), offset(text, a.getRange().getStart())));
        StringBuilder out = new StringBuilder(text);
        for (TextEdit e : sorted) {
            out.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
        }
        return out.toString();
    }

    private static int offset(String text, Position p) {
        int offset = 0;
        for (int line = 0; line < p.getLine(); line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + p.getCharacter();
    }

    private static String code(Diagnostic d) {
        if (d.getCode() == null) {
            return null;
        }
        return d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
    }

    private static int lineOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(line)) {
                return i;
            }
        }
        throw new AssertionError("no line " + line);
    }

    private CompletableFuture<PublishDiagnosticsParams> diagnosticsFor(String uri) {
        return diagnostics.computeIfAbsent(normalise(uri), k -> new CompletableFuture<>());
    }

    private static String normalise(String uri) {
        return uri.replace("file:///", "file:/");
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnosticsFor(params.getUri()).complete(params);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
