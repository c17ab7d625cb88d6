package dev.reclaim.eclipse.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.ICharacterPairMatcher;

/**
 * Pairs braces for the bracket highlight, ignoring braces in comments and strings (the platform's
 * default matcher counts them, since a policy document has a single partition). The brace just
 * before the caret wins over the one just after it.
 */
public final class PolicyBraceMatcher implements ICharacterPairMatcher {
    private int anchor = LEFT;

    @Override
    public IRegion match(IDocument document, int offset) {
        if (document == null || offset < 0 || offset > document.getLength()) {
            return null;
        }
        String code = Braces.code(document.get());
        int at = offset > 0 && isBrace(code.charAt(offset - 1)) ? offset - 1
                : offset < code.length() && isBrace(code.charAt(offset)) ? offset : -1;
        if (at < 0) {
            return null;
        }
        int other = Braces.partner(code, at);
        if (other < 0) {
            return null;
        }
        anchor = code.charAt(at) == '{' ? LEFT : RIGHT;
        return new Region(Math.min(at, other), Math.abs(other - at) + 1);
    }

    private static boolean isBrace(char ch) {
        return ch == '{' || ch == '}';
    }

    @Override
    public int getAnchor() {
        return anchor;
    }

    @Override
    public void clear() {
        anchor = LEFT;
    }

    @Override
    public void dispose() {
        // holds nothing
    }
}
