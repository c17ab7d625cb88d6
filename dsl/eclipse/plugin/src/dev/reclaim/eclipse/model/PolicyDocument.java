package dev.reclaim.eclipse.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.validation.Issue;

import dev.reclaim.dsl.compile.FileAnalysis;
import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.LineIndex;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.eclipse.ReclaimPlugin;
import dev.reclaim.findings.Finding;

/**
 * One open policy: the editor's text parsed into an XtextResource (in its own resource set, so
 * imports load from disk next to the file), reparsed lazily when the text has changed. The UI
 * thread's services read it through {@link #snapshot()}; {@link #findings()} parses its own copy.
 */
public final class PolicyDocument {

    /** The text and the resource parsed from it, consistent with each other. */
    public record Snapshot(String text, XtextResource resource) {
        public Document ideDocument() {
            return new Document(1, text);
        }
    }

    private final IDocument document;
    private final URI uri;
    /** Volatile: {@link #current()} reads it without the lock (see there). */
    private volatile Snapshot snapshot;
    private int uiParses;

    public PolicyDocument(IDocument document, URI uri) {
        this.document = document;
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }

    /**
     * The last parse, which may be of older text; null before the first. Never parses and never
     * blocks: the presentation reconciler calls it while the document's lock is held, and a
     * reconciler thread in {@link #snapshot()} holds this object's lock while it reads the document.
     */
    public Snapshot current() {
        return snapshot;
    }

    /** How many parses {@link #snapshot()} made on a UI thread (typing must make none). */
    public synchronized int uiParses() {
        return uiParses;
    }

    /** The parse of the current text, parsing it first when it has changed. */
    public synchronized Snapshot snapshot() {
        String text = document.get();
        if (snapshot == null || !snapshot.text().equals(text)) {
            snapshot = new Snapshot(text, parse(text));
            if (org.eclipse.swt.widgets.Display.getCurrent() != null) {
                uiParses++;
            }
        }
        return snapshot;
    }

    private XtextResource parse(String text) {
        XtextResourceSet set = ReclaimPlugin.injector().getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) set.createResource(uri);
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), set.getLoadOptions());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resource;
    }

    /**
     * The findings `reclaimc check` reports for this text (waived ones left out), as issues: code =
     * rule id, data = [declaration path, rationale], the shape the quick fixes read.
     */
    public List<Issue> findings() {
        // A resource of its own: EMF resources are not thread-safe, and the reconciler calls this
        // off the UI thread while the UI thread colours and completes on the snapshot.
        String text = document.get();
        XtextResource resource = parse(text);
        FileReport report = ReclaimPlugin.injector().getInstance(FileAnalysis.class).analyse(resource);
        LineIndex lines = new LineIndex(text);
        List<Issue> issues = new ArrayList<>();
        for (Reported r : report.findings()) {
            Finding f = r.finding();
            if (r.status() == Reported.Status.WAIVED || !f.pos().file().equals(report.file())) {
                continue;
            }
            int start = lines.offset(f.pos().line(), f.pos().column());
            int end = Math.max(lines.offset(f.pos().endLine(), f.pos().endColumn()), start + 1);
            Issue.IssueImpl issue = new Issue.IssueImpl();
            issue.setCode(f.ruleId());
            issue.setMessage(f.message());
            issue.setOffset(start);
            issue.setLength(Math.min(end, text.length()) - start);
            issue.setLineNumber(f.pos().line());
            issue.setColumn(f.pos().column());
            issue.setSeverity(switch (f.severity()) {
                case ERROR -> org.eclipse.xtext.diagnostics.Severity.ERROR;
                case WARNING -> org.eclipse.xtext.diagnostics.Severity.WARNING;
                case NOTE -> org.eclipse.xtext.diagnostics.Severity.INFO;
            });
            issue.setData(new String[] {f.declaration() == null ? "" : f.declaration(), f.rule().rationale()});
            issues.add(issue);
        }
        return issues;
    }
}
