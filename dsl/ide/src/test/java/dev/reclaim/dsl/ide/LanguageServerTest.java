package dev.reclaim.dsl.ide;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;

/**
 * The server the shaded jar starts (Xtext's {@link ServerModule}; the language is found through
 * META-INF/services/org.eclipse.xtext.ISetup), in process, over a pair of piped streams.
 */
class LanguageServerTest extends LspScenario {

    /** Xtext's server, except that {@code exit} does not call System.exit in the test JVM. */
    static class InProcessServer extends LanguageServerImpl {
        final CompletableFuture<Void> exited = new CompletableFuture<>();

        @Override
        public void exit() {
            exited.complete(null);
        }
    }

    @Test
    void diagnosticsCompletionHoverSymbols(@TempDir Path workspace) throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);

        InProcessServer server = Guice.createInjector(new ServerModule()).getInstance(InProcessServer.class);
        Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(server, serverIn, serverOut,
                executor, null);
        server.connect(serverLauncher.getRemoteProxy());
        Future<Void> serverListening = serverLauncher.startListening();
        try {
            run(workspace, clientIn, clientOut);
            server.exited.get(30, TimeUnit.SECONDS);
        } finally {
            clientOut.close();
            serverOut.close();
            serverListening.cancel(true);
        }
    }
}
