package dev.ami.bench;

import java.util.Locale;

/**
 * What the server process holds, read from outside: resident memory, threads and open file
 * descriptors (every socket is one) from /proc, and its live heap from jcmd.
 *
 * @param rssKib      VmRSS of /proc/<pid>/status; with the heap fixed (-Xms = -Xmx) it grows as the
 *                    collector first touches heap pages, so a rise is not a leak by itself
 * @param threads     Threads of /proc/<pid>/status
 * @param descriptors entries of /proc/<pid>/fd
 * @param liveHeapKib the heap in use right after a full collection: what the server keeps
 */
record ServerFootprint(long rssKib, long threads, long descriptors, long liveHeapKib) {

    static ServerFootprint of(long pid, long liveHeapKib) {
        return new ServerFootprint(ProcStat.rssKib(pid), ProcStat.threads(pid), ProcStat.descriptors(pid), liveHeapKib);
    }

    /** "RSS 793 → 1,023 MiB; live heap 180 → 182 MiB; 170 → 99 threads; 713 → 713 fds" */
    static String change(ServerFootprint before, ServerFootprint after) {
        return String.format(Locale.ROOT, "RSS %,d → %,d MiB; live heap %,d → %,d MiB; %d → %d threads; %d → %d fds",
                before.rssKib / 1024, after.rssKib / 1024, before.liveHeapKib / 1024, after.liveHeapKib / 1024,
                before.threads, after.threads, before.descriptors, after.descriptors);
    }
}
