package dev.reclaim.eclipse.outline;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.reclaim.eclipse.ReclaimPlugin;

/**
 * The outline from the ide module's document symbols: policy, then layers, contexts and systems,
 * then each system's threads, shrinkers and ops. Selecting a node selects its name in the editor.
 */
public final class PolicyOutlinePage extends ContentOutlinePage {

    /** Where the outline reads the current resource and how it reveals a range. */
    public interface Host {
        XtextResource resource();

        void reveal(org.eclipse.lsp4j.Range range);
    }

    private final Host host;

    public PolicyOutlinePage(Host host) {
        this.host = host;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new SymbolContent());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                DocumentSymbol s = (DocumentSymbol) element;
                return s.getDetail() == null || s.getDetail().isEmpty() ? s.getName() : s.getName() + " : " + s.getDetail();
            }
        });
        viewer.addSelectionChangedListener(event -> {
            if (event.getSelection() instanceof IStructuredSelection sel && sel.getFirstElement() instanceof DocumentSymbol s) {
                host.reveal(s.getSelectionRange());
            }
        });
        refresh();
    }

    public void refresh() {
        TreeViewer viewer = getTreeViewer();
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.setInput((Supplier<List<DocumentSymbol>>) this::symbols);
        viewer.expandToLevel(3);
    }

    /** The symbols of the current text; public so the UI test can read the tree the page shows. */
    public List<DocumentSymbol> symbols() {
        XtextResource resource = host.resource();
        if (resource == null) {
            return List.of();
        }
        return ReclaimPlugin.injector().getInstance(HierarchicalDocumentSymbolService.class).getSymbols(resource,
                CancelIndicator.NullImpl);
    }

    private static final class SymbolContent implements ITreeContentProvider {
        @Override
        @SuppressWarnings("unchecked")
        public Object[] getElements(Object input) {
            return input instanceof Supplier<?> s ? ((Supplier<List<DocumentSymbol>>) s).get().toArray() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            List<DocumentSymbol> children = ((DocumentSymbol) parent).getChildren();
            return children == null ? new Object[0] : children.toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            List<DocumentSymbol> children = ((DocumentSymbol) element).getChildren();
            return children != null && !children.isEmpty();
        }
    }
}
