package dev.skylift.runtime.collect;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Templates per exporter and observation domain (RFC 7011 §8: a template is valid within one
 * transport session and observation domain; RFC 3954 §5.1: per source ID), plus the data sets that
 * arrived before their template.
 *
 * <p>Those early sets are kept in a bounded buffer (by default 256 sets and 1 MiB, whichever is
 * reached first, oldest dropped first) and decoded as soon as their template arrives; a set still
 * waiting when the buffer overflows or the collector stops is counted as dropped. The number of
 * domains kept is bounded too (least recently used dropped), so a stream of spoofed domains cannot
 * exhaust the heap.
 */
final class TemplateCache {

    /** Whose templates: the exporter's address, the export version and its source ID / observation domain. */
    record Key(InetAddress exporter, int version, long domain) {
    }

    /** What one exporter's domain has told us: its templates and, if sent, its system init time. */
    static final class Domain {
        final Map<Integer, Template> templates = new HashMap<>();
        long systemInitMillis = -1;
    }

    /** A data set waiting for its template, with the header time of the packet it came in. */
    record Pending(Key key, int templateId, byte[] body, TimeBase time) {
    }

    private static final int MAX_DOMAINS = 1024;

    private final Map<Key, Domain> domains = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Domain> eldest) {
            return size() > MAX_DOMAINS;
        }
    };
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final int maxPendingSets;
    private final long maxPendingBytes;
    private long pendingBytes;

    TemplateCache(int maxPendingSets, long maxPendingBytes) {
        this.maxPendingSets = maxPendingSets;
        this.maxPendingBytes = maxPendingBytes;
    }

    Domain domain(Key key) {
        return domains.computeIfAbsent(key, k -> new Domain());
    }

    /** Keeps a set until its template comes; returns how many older sets had to be dropped for room. */
    int park(Pending set) {
        if (maxPendingSets <= 0 || set.body().length > maxPendingBytes) {
            return 1;
        }
        pending.addLast(set);
        pendingBytes += set.body().length;
        int dropped = 0;
        while (pending.size() > maxPendingSets || pendingBytes > maxPendingBytes) {
            pendingBytes -= pending.removeFirst().body().length;
            dropped++;
        }
        return dropped;
    }

    /** The waiting sets for this template, oldest first, removed from the buffer. */
    List<Pending> takePending(Key key, int templateId) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Pending> taken = new ArrayList<>();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending set = it.next();
            if (set.templateId() == templateId && set.key().equals(key)) {
                it.remove();
                pendingBytes -= set.body().length;
                taken.add(set);
            }
        }
        return taken;
    }

    /** Empties the buffer; returns how many sets were still waiting. */
    int clearPending() {
        int waiting = pending.size();
        pending.clear();
        pendingBytes = 0;
        return waiting;
    }
}
