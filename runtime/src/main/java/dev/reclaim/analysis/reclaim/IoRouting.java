package dev.reclaim.analysis.reclaim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reclaim.model.Decl.Instance;
import dev.reclaim.model.Decl.ThreadDecl;
import dev.reclaim.model.Decl.ThreadKind;
import dev.reclaim.model.SystemModel;

/**
 * Where IO on an instance waits, following every {@code on} edge (the static reading of §3; the
 * simulator follows only the first). IO to an instance with servers queues for them; IO to an
 * instance without servers passes to every instance it is {@code on}; IO to an instance with
 * neither (a device) completes by itself, so nothing can block it.
 *
 * <p>The servers of an instance are the threads its {@code served by} lists, then any other
 * thread declared to serve it (the two should agree; a structural check reports when they do
 * not). Routes are memoised per instance and computed iteratively, so long {@code on} chains
 * neither recurse deeply nor get walked twice. {@code on} cycles are a structural error; here the
 * instance met again on the current descent contributes nothing, which keeps every query finite.
 */
final class IoRouting {
    private final SystemModel sys;
    private final Map<String, List<String>> servers = new HashMap<>();
    private final Map<String, List<String>> routes = new HashMap<>();

    IoRouting(SystemModel sys) {
        this.sys = sys;
        for (Instance i : sys.instances()) {
            servers.computeIfAbsent(i.name(), k -> new ArrayList<>()).addAll(i.servedBy());
        }
        for (ThreadDecl t : sys.threads()) {
            if (t.threadKind() == ThreadKind.SERVER && t.serves() != null) {
                List<String> list = servers.computeIfAbsent(t.serves(), k -> new ArrayList<>());
                if (!list.contains(t.name())) {
                    list.add(t.name());
                }
            }
        }
    }

    List<String> servers(String instance) {
        return servers.getOrDefault(instance, List.of());
    }

    boolean served(String instance) {
        return !servers(instance).isEmpty();
    }

    private List<String> on(String instance) {
        return sys.instance(instance).map(Instance::on).orElse(List.of());
    }

    /** The served instances IO on {@code instance} queues for (itself when it is served). */
    List<String> route(String instance) {
        if (instance == null) {
            return List.of();
        }
        List<String> cached = routes.get(instance);
        if (cached != null) {
            return cached;
        }
        Set<String> inProgress = new LinkedHashSet<>();
        ArrayDeque<String> stack = new ArrayDeque<>();
        stack.push(instance);
        while (!stack.isEmpty()) {
            String cur = stack.peek();
            if (routes.containsKey(cur)) {
                stack.pop();
                continue;
            }
            if (served(cur)) {
                routes.put(cur, List.of(cur));
                stack.pop();
                continue;
            }
            if (inProgress.add(cur)) {
                for (String next : on(cur)) {
                    if (!routes.containsKey(next) && !inProgress.contains(next)) {
                        stack.push(next);
                    }
                }
                continue;
            }
            Set<String> out = new LinkedHashSet<>();
            for (String next : on(cur)) {
                out.addAll(routes.getOrDefault(next, List.of()));
            }
            routes.put(cur, List.copyOf(out));
            inProgress.remove(cur);
            stack.pop();
        }
        return routes.get(instance);
    }

    /**
     * The hops IO on {@code from} takes to reach the served instance {@code to}, both included
     * (just {@code from} when it is served itself); empty when it does not get there.
     */
    List<String> ioPath(String from, String to) {
        return bfs(from, to, true);
    }

    /** The shortest {@code on} chain from {@code from} to {@code to}, both included, or empty. */
    List<String> onPath(String from, String to) {
        return bfs(from, to, false);
    }

    /** The instances {@code from} is {@code on}, directly or transitively, nearest first; never itself. */
    Set<String> onClosure(String from) {
        if (from == null) {
            return Set.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            for (String next : on(queue.poll())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        seen.remove(from);
        return Collections.unmodifiableSet(seen);
    }

    private List<String> bfs(String from, String to, boolean stopAtServed) {
        if (from == null || to == null) {
            return List.of();
        }
        Map<String, String> parent = new LinkedHashMap<>();
        parent.put(from, null);
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            String cur = queue.poll();
            if (cur.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String c = cur; c != null; c = parent.get(c)) {
                    path.add(c);
                }
                Collections.reverse(path);
                return path;
            }
            if (stopAtServed && served(cur)) {
                continue;
            }
            for (String next : on(cur)) {
                if (!parent.containsKey(next)) {
                    parent.put(next, cur);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }
}
