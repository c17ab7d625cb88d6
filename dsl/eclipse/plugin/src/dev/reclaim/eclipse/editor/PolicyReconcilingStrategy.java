package dev.reclaim.eclipse.editor;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.xtext.validation.Issue;

import dev.reclaim.eclipse.markers.PolicyMarkers;

/**
 * After the editor opens and after each pause in typing: re-check the text as `reclaimc check`
 * does, replace the file's markers, and repaint the semantic colours and the outline.
 */
final class PolicyReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
    private final ReclaimEditor editor;

    PolicyReconcilingStrategy(ReclaimEditor editor) {
        this.editor = editor;
    }

    @Override
    public void setDocument(IDocument document) {
    }

    @Override
    public void setProgressMonitor(IProgressMonitor monitor) {
    }

    @Override
    public void initialReconcile() {
        reconcile();
    }

    @Override
    public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
        reconcile();
    }

    @Override
    public void reconcile(IRegion partition) {
        reconcile();
    }

    private void reconcile() {
        var policy = editor.policy();
        if (policy == null) {
            return;
        }
        policy.snapshot(); // parse here, in the background: the repaint below then finds it done
        List<Issue> issues = policy.findings();
        editor.setLastFindings(issues);
        if (editor.getEditorInput() instanceof IFileEditorInput input) {
            try {
                PolicyMarkers.replace(input.getFile(), issues);
            } catch (CoreException e) {
                ILog.of(getClass()).log(e.getStatus());
            }
        }
        Display display = Display.getDefault();
        if (!display.isDisposed()) {
            display.asyncExec(editor::refreshViews);
        }
    }
}
