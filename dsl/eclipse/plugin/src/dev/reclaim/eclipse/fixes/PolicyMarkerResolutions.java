package dev.reclaim.eclipse.fixes;

import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.statushandlers.StatusManager;

import dev.reclaim.dsl.ide.quickfix.Fix;
import dev.reclaim.dsl.ide.quickfix.PolicyFixes;
import dev.reclaim.eclipse.markers.PolicyMarkers;
import dev.reclaim.eclipse.model.PolicyDocument;
import dev.reclaim.eclipse.model.PolicyDocuments;

/**
 * Quick Fix on a reclaim problem in the Problems view. The fix is computed from the file's text
 * buffer, which is the open editor's document when the file is open: the change then shows in the
 * editor, unsaved, as an edit made there would. A file that no editor has open is changed and
 * saved, and its markers are recomputed, since no reconciler will do it.
 */
public final class PolicyMarkerResolutions implements IMarkerResolutionGenerator2 {
    private static final IMarkerResolution[] NONE = new IMarkerResolution[0];

    @Override
    public boolean hasResolutions(IMarker marker) {
        return PolicyFixes.FIXABLE.contains(marker.getAttribute(PolicyMarkers.RULE_ID, ""))
                && marker.getResource() instanceof IFile;
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        if (!hasResolutions(marker)) {
            return NONE;
        }
        IFile file = (IFile) marker.getResource();
        String rule = marker.getAttribute(PolicyMarkers.RULE_ID, "");
        int start = marker.getAttribute(IMarker.CHAR_START, -1);
        try {
            return withBuffer(file, buffer -> {
                PolicyDocument policy = PolicyDocuments.of(buffer.getDocument(), new FileEditorInput(file));
                String text = buffer.getDocument().get();
                return DocumentFixes.forFinding(policy, rule, start).stream()
                        .map(f -> new Resolution(file, text, f)).toArray(IMarkerResolution[]::new);
            });
        } catch (CoreException e) {
            ILog.of(getClass()).log(e.getStatus());
            return NONE;
        }
    }

    interface BufferWork<T> {
        T run(ITextFileBuffer buffer) throws CoreException;
    }

    /** Runs {@code work} on the file's text buffer, connected for the duration. */
    static <T> T withBuffer(IFile file, BufferWork<T> work) throws CoreException {
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        manager.connect(file.getFullPath(), LocationKind.IFILE, null);
        try {
            return work.run(manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE));
        } finally {
            manager.disconnect(file.getFullPath(), LocationKind.IFILE, null);
        }
    }

    /** One fix, valid for the text it was computed from. */
    private static final class Resolution implements IMarkerResolution2 {
        private final IFile file;
        private final String text;
        private final Fix fix;

        Resolution(IFile file, String text, Fix fix) {
            this.file = file;
            this.text = text;
            this.fix = fix;
        }

        @Override
        public String getLabel() {
            return fix.title();
        }

        @Override
        public String getDescription() {
            return fix.ruleId() + ": " + fix.title();
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public void run(IMarker marker) {
            try {
                withBuffer(file, buffer -> {
                    if (!buffer.getDocument().get().equals(text)) {
                        // Offsets were computed for other text; applying them could corrupt the file.
                        throw new CoreException(Status.error(file.getName() + " changed since the fix \""
                                + fix.title() + "\" was offered: run Quick Fix again"));
                    }
                    DocumentFixes.apply(fix, buffer.getDocument());
                    if (!buffer.isShared()) {
                        buffer.commit(null, false);
                        PolicyMarkers.replace(file,
                                PolicyDocuments.of(buffer.getDocument(), new FileEditorInput(file)).findings());
                    }
                    return null;
                });
            } catch (CoreException e) {
                StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
            }
        }
    }
}
