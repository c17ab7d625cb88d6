package dev.reclaim.eclipse.editor;

import org.eclipse.ui.editors.text.TextEditor;

/** The .reclaim editor: the platform text editor, configured with the policy language's services. */
public class ReclaimEditor extends TextEditor {
    public static final String ID = "dev.reclaim.eclipse.editor";
}
