package dev.reclaim.dsl.formatting2;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.ITextReplacer;
import org.eclipse.xtext.formatting2.ITextReplacerContext;
import org.eclipse.xtext.formatting2.regionaccess.IComment;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ITextSegment;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder;
import org.eclipse.xtext.preferences.ITypedPreferenceValues;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;

import dev.reclaim.dsl.reclaim.Block;
import dev.reclaim.dsl.reclaim.GroupTerm;
import dev.reclaim.dsl.reclaim.Import;
import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.dsl.reclaim.Shrinker;
import dev.reclaim.dsl.reclaim.System;
import dev.reclaim.dsl.reclaim.TopElement;

/**
 * Formats policies as LANGUAGE.md writes them: one declaration, member or statement per line,
 * four spaces per brace level, single spaces between the tokens of a line, at most one blank line
 * kept between lines, an empty body as {@code { }}. Used by "Format" in Eclipse and by LSP
 * formatting alike.
 */
public class ReclaimFormatter extends AbstractFormatter2 {

    private static final String FOUR_SPACES = "    ";

    /** LANGUAGE.md indents by four spaces; only an explicit, non-default indentation overrides it. */
    @Override
    protected void initialize(FormatterRequest request) {
        ITypedPreferenceValues given = request.getPreferences();
        String indentation = given == null ? null : given.getPreference(FormatterPreferenceKeys.indentation);
        if (indentation == null || indentation.equals(FormatterPreferenceKeys.indentation.getDefaultValue())) {
            request.setPreferences(new MapBasedPreferenceValues(given,
                    java.util.Map.of(FormatterPreferenceKeys.indentation.getId(), FOUR_SPACES)));
        }
        super.initialize(request);
    }

    @Override
    public void format(Object obj, IFormattableDocument document) {
        if (obj instanceof Model model) {
            formatModel(model, document);
        } else if (obj instanceof System system) {
            formatBraces(system, system.getMembers(), document);
        } else if (obj instanceof Shrinker shrinker) {
            // Its lines start with `allow`, `count` and `scan`; the latter two are keywords, not children.
            formatBraces(shrinker, shrinker.getAllows(), document);
            ISemanticRegionsFinder regions = textRegionExtensions.regionFor(shrinker);
            for (ISemanticRegion line : regions.keywords("count", "scan")) {
                keepOneBlankLine(document, line.getPreviousHiddenRegion());
            }
        } else if (obj instanceof Block block) {
            formatBraces(block, block.getStatements(), document);
        } else if (obj instanceof GroupTerm group) {
            ISemanticRegionsFinder regions = textRegionExtensions.regionFor(group);
            document.append(regions.keyword("("), f -> f.noSpace());
            document.prepend(regions.keyword(")"), f -> f.noSpace());
            formatChildren(group, document);
        } else if (obj instanceof EObject element) {
            for (ISemanticRegion comma : textRegionExtensions.regionFor(element).keywords(",")) {
                document.prepend(comma, f -> f.noSpace());
            }
            formatChildren(element, document);
        } else if (obj instanceof org.eclipse.xtext.resource.XtextResource resource) {
            _format(resource, document);
        }
    }

    private void formatModel(Model model, IFormattableDocument document) {
        // Every token gets one space before it unless a rule below (at normal priority) says otherwise.
        for (ISemanticRegion region : textRegionExtensions.allSemanticRegions(model)) {
            if (region.getPreviousHiddenRegion() != null && region.getPreviousSemanticRegion() != null) {
                document.set(region.getPreviousHiddenRegion(), f -> {
                    f.oneSpace();
                    f.lowPriority();
                });
            }
        }
        boolean first = true;
        for (Import imp : model.getImports()) {
            if (first) {
                document.prepend(imp, f -> f.setNewLines(2));
            } else {
                keepOneBlankLine(document, textRegionExtensions.previousHiddenRegion(imp));
            }
            first = false;
        }
        first = true;
        for (TopElement element : model.getElements()) {
            if (first || element instanceof System) {
                document.prepend(element, f -> f.setNewLines(2));
            } else {
                keepOneBlankLine(document, textRegionExtensions.previousHiddenRegion(element));
            }
            first = false;
            document.format(element);
        }
        ISemanticRegion last = null;
        for (ISemanticRegion region : textRegionExtensions.allSemanticRegions(model)) {
            last = region;
        }
        if (last != null) {
            document.append(last, f -> f.setNewLines(1));
        }
    }

    /** `{`, then each child on its own line one level deeper, then `}` on a line of its own. */
    private void formatBraces(EObject owner, Iterable<? extends EObject> children, IFormattableDocument document) {
        ISemanticRegionsFinder regions = textRegionExtensions.regionFor(owner);
        ISemanticRegion open = regions.keyword("{");
        ISemanticRegion close = regions.keyword("}");
        if (open == null || close == null) {
            formatChildren(owner, document);
            return;
        }
        if (open.getNextSemanticRegion() == close) {
            document.append(open, f -> f.oneSpace());
            return;
        }
        document.interior(open, close, f -> f.indent());
        for (EObject child : children) {
            keepOneBlankLine(document, textRegionExtensions.previousHiddenRegion(child));
        }
        document.prepend(close, f -> f.newLine());
        formatChildren(owner, document);
    }

    /**
     * One line break, or two (a blank line) when there was a blank line. Counted over the hidden
     * region's text: a trailing `//` comment ends with a line break of its own, which the
     * formatter's own min/max count would miss, dropping the blank line after such a line.
     */
    private static void keepOneBlankLine(IFormattableDocument document, IHiddenRegion region) {
        if (region == null) {
            return;
        }
        // Breaks up to the first block comment: a doc comment's own line does not make a blank line.
        String text = region.getText();
        int cut = text.indexOf("/*");
        long breaks = (cut < 0 ? text : text.substring(0, cut)).chars().filter(c -> c == '\n').count();
        int lines = (int) Math.max(1, Math.min(2, breaks));
        document.set(region, f -> f.setNewLines(lines));
    }

    /** Block comments are kept as written; re-flowing them adds trailing blanks to bare ` *` lines. */
    @Override
    public ITextReplacer createCommentReplacer(IComment comment) {
        if (comment.getText().startsWith("/*")) {
            return new ITextReplacer() {
                @Override
                public ITextSegment getRegion() {
                    return comment;
                }

                @Override
                public ITextReplacerContext createReplacements(ITextReplacerContext context) {
                    return context;
                }
            };
        }
        return super.createCommentReplacer(comment);
    }

    private void formatChildren(EObject owner, IFormattableDocument document) {
        for (EObject child : owner.eContents()) {
            document.format(child);
        }
    }
}
