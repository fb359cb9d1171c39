package dev.ami.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A text digest of a server recording (the bench's -Dbench.jfr=true): where the CPU samples are
 * (own frame and anywhere on the stack), which threads they are on, what is allocated and how
 * long GC paused. Enough to say what limits a figure without a GUI.
 */
final class JfrSummary {

    private JfrSummary() {
    }

    static String summarize(Path recording) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> allocation = new HashMap<>();
        Map<String, Long> nativeTop = new HashMap<>();
        long nativeSamples = 0;
        long samples = 0;
        long gcCount = 0;
        Duration gcPause = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    RecordedStackTrace stack = event.getStackTrace();
                    String thread = event.getThread("sampledThread") == null ? "?"
                            : event.getThread("sampledThread").getJavaName();
                    threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "#"), 1L, Long::sum);
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    List<RecordedFrame> frames = stack.getFrames();
                    self.merge(name(frames.get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        if (seen.add(n)) {
                            inclusive.merge(n, 1L, Long::sum);
                        }
                    }
                }
                case "jdk.NativeMethodSample" -> {
                    // threads inside a native method (socket writes, selector waits): not CPU
                    // samples, but where the event loops are when they are not running Java
                    nativeSamples++;
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        nativeTop.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
                    }
                }
                case "jdk.ObjectAllocationSample" -> allocation.merge(
                        event.getClass("objectClass").getName(), event.getLong("weight"), Long::sum);
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
                }
                default -> {
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("JFR digest of ").append(recording.getFileName()).append(": ").append(samples)
                .append(" CPU samples; ").append(gcCount).append(" GCs, ").append(gcPause.toMillis()).append(" ms paused\n");
        table(out, "Threads (samples)", threads, samples, 12);
        table(out, "Hot methods, own time (top frame)", self, samples, 30);
        table(out, "Hot methods, anywhere on the stack", inclusive, samples, 45);
        table(out, "Native methods threads were in (" + nativeSamples + " samples, all threads)", nativeTop, nativeSamples, 10);
        long allocated = allocation.values().stream().mapToLong(Long::longValue).sum();
        table(out, "Allocation by class (sampled bytes)", allocation, allocated, 20);
        return out.toString();
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void table(StringBuilder out, String title, Map<String, Long> counts, long total, int limit) {
        out.append("\n").append(title).append(":\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .forEach(e -> out.append(String.format("  %5.1f%%  %s%n",
                        total == 0 ? 0 : 100.0 * e.getValue() / total, e.getKey())));
    }
}
