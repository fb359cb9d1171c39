package dev.ami.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The open-files limit (RLIMIT_NOFILE) of a running process, and raising it with util-linux's
 * {@code prlimit --pid}: every connection is a descriptor on each side, so 100,000 sessions need
 * more than the usual hard limit in both the server and the load client. Raising a hard limit
 * needs root (CAP_SYS_RESOURCE); when it cannot be raised the bench stops with a message that names
 * the limit, instead of failing later with "Too many open files" half-way through opening sessions.
 */
final class FileLimits {

    /**
     * Descriptors a process may open beyond those it has and its sessions (a jcmd attach, a log
     * rotation, a selector): small, so that on a machine whose hard limit cannot be raised the
     * largest session count that fits can still be measured.
     */
    static final long SLACK = 200;
    private static final String ROW = "Max open files";

    /** soft and hard limit; -1 for unlimited */
    record Limit(long soft, long hard) {
        boolean allows(long needed) {
            return soft < 0 || soft >= needed;
        }

        @Override
        public String toString() {
            return (soft < 0 ? "unlimited" : Long.toString(soft)) + " (hard " + (hard < 0 ? "unlimited" : Long.toString(hard))
                    + ")";
        }
    }

    private FileLimits() {
    }

    /** @return the "Max open files" row of a /proc/[pid]/limits text */
    static Limit parse(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith(ROW)) {
                String[] f = line.substring(ROW.length()).trim().split("\\s+");
                return new Limit(value(f[0]), value(f[1]));
            }
        }
        throw new IllegalArgumentException("no \"" + ROW + "\" row in " + limits);
    }

    private static long value(String field) {
        return "unlimited".equals(field) ? -1 : Long.parseLong(field);
    }

    static Limit of(long pid) {
        try {
            return parse(read(Path.of("/proc", Long.toString(pid), "limits")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the open-files limit of process " + pid + ": " + e, e);
        }
    }

    /**
     * Makes sure process {@code pid} may open {@code needed} descriptors, raising its soft and hard
     * limit with {@code prlimit} if need be.
     *
     * @param who "the server (pid 123)" or "the load client", for the messages
     * @return what was done, for the report
     * @throws IllegalStateException naming the limit when it cannot be raised
     */
    static String ensure(long pid, String who, long needed) {
        Limit before = of(pid);
        if (before.allows(needed)) {
            return who + ": open-files limit " + before + " already allows " + needed;
        }
        long max = systemMax();
        if (max > 0 && needed > max) {
            throw new IllegalStateException(who + " needs " + needed + " open files, more than the kernel allows a process"
                    + " (fs.nr_open = " + max + "); raise it (sysctl -w fs.nr_open=...) or open fewer sessions");
        }
        String value = needed + ":" + Math.max(needed, before.hard() < 0 ? needed : before.hard());
        List<String> command = List.of("prlimit", "--pid", Long.toString(pid), "--nofile=" + value);
        String out;
        int status;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                out = "prlimit did not finish";
            }
            status = p.isAlive() ? -1 : p.exitValue();
        } catch (IOException e) {
            out = e.toString();
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while raising the open-files limit", e);
        }
        Limit after = of(pid);
        if (status != 0 || !after.allows(needed)) {
            throw new IllegalStateException(who + " needs " + needed + " open files but its limit (RLIMIT_NOFILE, ulimit -n)"
                    + " is " + before + " and could not be raised (" + String.join(" ", command) + ": "
                    + (out.isEmpty() ? "exit " + status : out) + "); run the bench as root, or raise the hard limit"
                    + " first (ulimit -Hn " + needed + " in the shell that runs Maven), or open fewer sessions");
        }
        return who + ": open-files limit raised from " + before + " to " + after;
    }

    /**
     * Reads a /proc file to its end. Not Files.readString: /proc files say their size is 0, and on
     * JDK 17 readString of /proc/sys/fs/nr_open ("1048576\\n") returned "1".
     */
    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** @return fs.nr_open, the most descriptors any one process may have, or -1 if unknown */
    static long systemMax() {
        try {
            return Long.parseLong(read(Path.of("/proc/sys/fs/nr_open")).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
