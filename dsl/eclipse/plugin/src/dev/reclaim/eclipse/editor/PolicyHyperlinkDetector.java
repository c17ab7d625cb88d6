package dev.reclaim.eclipse.editor;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;

import dev.reclaim.eclipse.ReclaimPlugin;

/** Ctrl+click (and F3) on a reference: jump to its declaration, in this file or an imported one. */
final class PolicyHyperlinkDetector implements IHyperlinkDetector {
    private final ReclaimEditor editor;

    PolicyHyperlinkDetector(ReclaimEditor editor) {
        this.editor = editor;
    }

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultiple) {
        Definition d = definitionAt(region.getOffset());
        return d == null ? null : new IHyperlink[] {d};
    }

    /** The declaration the reference at {@code offset} names, or null. */
    Definition definitionAt(int offset) {
        var policy = editor.policy();
        if (policy == null) {
            return null;
        }
        var resource = policy.snapshot().resource();
        EObjectAtOffsetHelper helper = ReclaimPlugin.injector().getInstance(EObjectAtOffsetHelper.class);
        INode node = helper.getCrossReferenceNode(resource, new org.eclipse.xtext.util.TextRegion(offset, 0));
        EObject target = node == null ? null : helper.resolveCrossReferencedElementAt(resource, offset);
        if (node == null || target == null || target.eIsProxy()) {
            return null;
        }
        ITextRegion where = ReclaimPlugin.injector().getInstance(ILocationInFileProvider.class)
                .getSignificantTextRegion(target);
        java.net.URI file = target.eResource().getURI().equals(resource.getURI()) ? null
                : java.net.URI.create(target.eResource().getURI().toString());
        return new Definition(new Region(node.getOffset(), node.getLength()), file, where.getOffset(), where.getLength());
    }

    /** A link to {@code offset/length} in {@code file} (null: this editor). */
    final class Definition implements IHyperlink {
        private final IRegion link;
        final java.net.URI file;
        final int offset;
        final int length;

        Definition(IRegion link, java.net.URI file, int offset, int length) {
            this.link = link;
            this.file = file;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public IRegion getHyperlinkRegion() {
            return link;
        }

        @Override
        public String getTypeLabel() {
            return null;
        }

        @Override
        public String getHyperlinkText() {
            return "Open Declaration";
        }

        @Override
        public void open() {
            if (file == null) {
                editor.selectAndReveal(offset, length);
                return;
            }
            try {
                var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
                // A workspace file opens as one (markers, Problems view); any other file from disk.
                IFile[] inWorkspace = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file);
                IEditorPart part = inWorkspace.length > 0 ? IDE.openEditor(page, inWorkspace[0])
                        : IDE.openEditorOnFileStore(page, EFS.getStore(file));
                if (part instanceof ITextEditor text) {
                    text.selectAndReveal(offset, length);
                }
            } catch (CoreException e) {
                org.eclipse.core.runtime.ILog.of(getClass()).log(e.getStatus());
            }
        }
    }
}
