package dev.reclaim.doc.html;

/** The page's inline style sheet: no external CSS or fonts, so the site opens offline. */
final class SiteStyle {
    private SiteStyle() {
    }

    static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 72em;
                   padding: 0 1em; color: #202124; line-height: 1.45; }
            code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; }
            h2 { border-bottom: 1px solid #dadce0; padding-bottom: 0.2em; margin-top: 2em; }
            nav ul { margin: 0.2em 0; }
            .pair { display: flex; gap: 2em; flex-wrap: wrap; align-items: flex-start; }
            .pair > div:first-child { flex: 1 1 30em; min-width: 0; }
            .pair > div:last-child { flex: 0 1 auto; }
            .pair p { max-width: 18em; font-size: 0.9em; }
            table { border-collapse: collapse; margin: 0.8em 0; }
            th, td { border: 1px solid #dadce0; padding: 0.25em 0.55em; text-align: left; vertical-align: top; }
            th { background: #f8f9fa; }
            td.doc, p.doc { white-space: pre-line; }
            table.matrix td { text-align: center; font-size: 0.9em; }
            td.forbidden { background: #f28b82; font-weight: bold; }
            td.admitted { background: #fdd663; }
            td.closed { color: #9aa0a6; }
            tr.error td:first-child { border-left: 4px solid #d93025; }
            tr.warning td:first-child { border-left: 4px solid #f9ab00; }
            tr.note td:first-child { border-left: 4px solid #1a73e8; }
            .badge { font-size: 0.75em; padding: 0.1em 0.5em; border-radius: 0.8em; vertical-align: middle; }
            .badge.deadlock { background: #fce8e6; color: #a50e0e; }
            .badge.clean { background: #e6f4ea; color: #137333; }
            .badge.unknown { background: #f1f3f4; color: #5f6368; }
            span.error { color: #a50e0e; } span.warning { color: #b06000; } span.note { color: #1a73e8; }
            figure.diagram { margin: 1em 0; overflow-x: auto; }
            section.system { border-top: 1px dashed #dadce0; margin-top: 1.5em; }
            .trace { font-family: ui-monospace, monospace; font-size: 0.9em; }
            table.trace code, table.stack code { white-space: nowrap; }
            .examples { display: flex; gap: 1em; flex-wrap: wrap; }
            .examples figure { flex: 1 1 28em; margin: 0; min-width: 0; }
            .examples pre { background: #f8f9fa; border: 1px solid #dadce0; padding: 0.6em; overflow-x: auto; }
            figure.bad pre { border-left: 4px solid #d93025; }
            figure.good pre { border-left: 4px solid #1e8e3e; }
            """;
}
