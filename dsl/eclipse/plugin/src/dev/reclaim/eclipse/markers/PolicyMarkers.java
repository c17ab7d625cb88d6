package dev.reclaim.eclipse.markers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.validation.Issue;

/**
 * Problem markers for a policy file, one per finding, replacing the previous set. The rule id is
 * a marker attribute, so quick fixes, hovers and tests key on it.
 */
public final class PolicyMarkers {
    public static final String TYPE = "dev.reclaim.eclipse.problem";
    public static final String RULE_ID = "ruleId";
    public static final String DECLARATION = "declaration";
    public static final String RATIONALE = "rationale";

    private PolicyMarkers() {
    }

    public static void replace(IFile file, List<Issue> issues) throws CoreException {
        if (!file.exists()) {
            return;
        }
        if (same(file.findMarkers(TYPE, false, IResource.DEPTH_ZERO), issues)) {
            return; // re-creating equal markers would only make the views and annotations flicker
        }
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        workspace.run(monitor -> {
            file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
            for (Issue issue : issues) {
                file.createMarker(TYPE, attributes(issue));
            }
        }, workspace.getRuleFactory().markerRule(file), IWorkspace.AVOID_UPDATE, null);
    }

    private static boolean same(IMarker[] markers, List<Issue> issues) throws CoreException {
        if (markers.length != issues.size()) {
            return false;
        }
        java.util.Set<Map<String, Object>> existing = new java.util.HashSet<>();
        for (IMarker m : markers) {
            existing.add(m.getAttributes());
        }
        for (Issue issue : issues) {
            if (!existing.contains(attributes(issue))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> attributes(Issue issue) {
        Map<String, Object> a = new HashMap<>();
        a.put(IMarker.MESSAGE, issue.getMessage());
        a.put(IMarker.SEVERITY, switch (issue.getSeverity()) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            default -> IMarker.SEVERITY_INFO;
        });
        a.put(IMarker.CHAR_START, issue.getOffset());
        a.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
        a.put(IMarker.LINE_NUMBER, issue.getLineNumber());
        a.put(IMarker.LOCATION, "line " + issue.getLineNumber());
        a.put(RULE_ID, issue.getCode());
        String[] data = issue.getData();
        if (data != null && data.length == 2) {
            a.put(DECLARATION, data[0]);
            a.put(RATIONALE, data[1]);
        }
        return a;
    }
}
