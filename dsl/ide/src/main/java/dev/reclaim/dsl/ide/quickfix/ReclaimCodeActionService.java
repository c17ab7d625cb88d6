package dev.reclaim.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

/**
 * Quick fixes as LSP code actions: each diagnostic is matched back to its validation issue (same
 * rule id, same offset) so that {@link PolicyFixes} can read the finding's declaration path.
 */
public class ReclaimCodeActionService implements ICodeActionService2 {

    @Inject
    private IResourceValidator validator;

    @Inject
    private PolicyFixes fixes;

    @Override
    public List<Either<Command, CodeAction>> getCodeActions(Options options) {
        String uri = options.getCodeActionParams().getTextDocument().getUri();
        CancelIndicator cancel = options.getCancelIndicator() == null ? CancelIndicator.NullImpl
                : options.getCancelIndicator();
        if (options.getResource() != null && options.getDocument() != null) {
            return actions(options.getResource(), options.getDocument(), options, uri, cancel);
        }
        // The language server (Xtext 2.42) passes neither resource nor document: read them itself.
        if (options.getLanguageServerAccess() == null) {
            return List.of();
        }
        return options.getLanguageServerAccess().doSyncRead(options.getURI() != null ? options.getURI() : uri,
                context -> actions(context.getResource(), context.getDocument(), options, uri, cancel));
    }

    private List<Either<Command, CodeAction>> actions(org.eclipse.emf.ecore.resource.Resource r, Document document,
            Options options, String uri, CancelIndicator cancel) {
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        if (!(r instanceof XtextResource resource)) {
            return actions;
        }
        List<Issue> issues = validator.validate(resource, CheckMode.ALL, cancel);
        for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
            String code = diagnostic.getCode() == null ? null
                    : diagnostic.getCode().map(s -> s, n -> Integer.toString(n));
            int offset = document.getOffSet(diagnostic.getRange().getStart());
            for (Issue issue : issues) {
                if (issue.getCode() != null && issue.getCode().equals(code) && issue.getOffset() == offset) {
                    for (Fix fix : fixes.fixes(resource, issue, issues)) {
                        actions.add(Either.forRight(toAction(fix, diagnostic, document, uri)));
                    }
                    break;
                }
            }
        }
        return actions;
    }

    private static CodeAction toAction(Fix fix, Diagnostic diagnostic, Document document, String uri) {
        List<TextEdit> edits = new ArrayList<>();
        for (Fix.Replacement r : fix.replacements()) {
            edits.add(new TextEdit(new Range(document.getPosition(r.offset()),
                    document.getPosition(r.offset() + r.length())), r.text()));
        }
        CodeAction action = new CodeAction(fix.title());
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(diagnostic));
        action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
        return action;
    }
}
