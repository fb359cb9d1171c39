package dev.ami.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time and resident memory of a process, read from Linux's /proc (the server is measured from outside). */
final class ProcStat {

    /** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux build that matters). */
    private static final double TICKS_PER_SECOND = ticksPerSecond();

    private ProcStat() {
    }

    /** @return user + system CPU seconds the process has used so far */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name is in parentheses and may hold blanks: count fields after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + " from /proc: " + e, e);
        }
    }

    /** @return the resident set size in KiB, or -1 if /proc does not say */
    static long rssKib(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /** @return the process's thread count (/proc/<pid>/status Threads), or -1 if /proc does not say */
    static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    /** @return the process's open file descriptors (entries of /proc/<pid>/fd), or -1 if they cannot be listed */
    static long descriptors(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** @return this process's soft limit of open files (/proc/self/limits), or -1 if unlimited or unknown */
    static long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? -1 : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long statusField(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static long self() {
        return ProcessHandle.current().pid();
    }

    /** @return CPU seconds all processes of the machine have used so far (the busy columns of /proc/stat) */
    static double machineCpuSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read /proc/stat: " + e, e);
        }
    }

    /** CPU used by a process over an interval, as cores (1.0 = one core busy the whole time). */
    static final class Meter {
        private final long pid;
        private final double cpu0;
        private final long t0;

        Meter(long pid) {
            this.pid = pid;
            this.cpu0 = cpuSeconds(pid);
            this.t0 = System.nanoTime();
        }

        double cores() {
            double wall = (System.nanoTime() - t0) / 1e9;
            return wall <= 0 ? 0 : (cpuSeconds(pid) - cpu0) / wall;
        }
    }

    /** Cores used during a window by the server, by this client, and by everything else on the machine. */
    record Cpu(double server, double client, double other) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "server %.2f cores, client %.2f, other processes %.2f",
                    server, client, other);
        }
    }

    /** Starts measuring a window; {@link #end()} gives the cores each party used. */
    static final class Window {
        private final Meter server;
        private final Meter client;
        private final double machine0;
        private final long t0;

        Window(long serverPid) {
            server = new Meter(serverPid);
            client = new Meter(self());
            machine0 = machineCpuSeconds();
            t0 = System.nanoTime();
        }

        Cpu end() {
            double s = server.cores();
            double c = client.cores();
            double wall = (System.nanoTime() - t0) / 1e9;
            double machine = (machineCpuSeconds() - machine0) / wall;
            return new Cpu(s, c, Math.max(0, machine - s - c));
        }
    }

    private static double ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
