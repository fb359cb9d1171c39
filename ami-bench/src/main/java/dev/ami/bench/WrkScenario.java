package dev.ami.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (j) {@code /rawman?action=ping} driven by wrk, the tool and settings of Asterisk's HTTP figures
 * (one keep-alive connection, then 20, for 10 s each): so that the two servers are compared with the
 * same client, not with the bench's Java one. wrk comes from Debian's package {@code wrk}; without
 * it the scenario reports that it did not run. A Lua script counts every answer that is not a Pong,
 * so a fast figure made of errors shows: in a short run before each plain measured one, and in the
 * run whose connection logs in itself (which needs the script).
 */
final class WrkScenario {

    /** Asterisk's figures were taken over 10 s per run. */
    static final Duration RUN = Duration.ofSeconds(10);
    /** The counted run that checks the answers before a plain measured one. */
    static final Duration CHECK = Duration.ofSeconds(2);

    /**
     * One wrk run.
     *
     * @param label       what it measured
     * @param connections wrk's -c
     * @param perSecond   wrk's Requests/sec
     * @param p50Micros   its latency distribution's 50 %
     * @param p99Micros   its 99 %
     * @param pongs       answers that were a Pong
     * @param others      answers that were not
     * @param cpu         cores used meanwhile (wrk is among the other processes)
     */
    record Run(String label, int connections, double perSecond, double p50Micros, double p99Micros, long pongs,
               long others, ProcStat.Cpu cpu) {
    }

    /** @param runs the runs; empty with {@code missing} set when wrk is not installed */
    record Result(List<Run> runs, String missing) {
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern COUNTS = Pattern.compile("pong (\\d+), other (\\d+)");

    private final int port;
    private final Path scripts;

    WrkScenario(int port, Path target) {
        this.port = port;
        this.scripts = target;
    }

    Result run(long serverPid, Duration warmup) throws IOException, InterruptedException {
        Optional<Path> wrk = onPath("wrk");
        if (wrk.isEmpty()) {
            return new Result(List.of(), "wrk is not installed (Debian package wrk)");
        }
        Path counting = script("wrk-count.lua", COUNT_SCRIPT);
        Path ownLogin = script("wrk-login.lua", LOGIN_SCRIPT + COUNT_SCRIPT.substring(COUNT_SCRIPT.indexOf("function response")));
        String url = "http://" + BenchOptions.HOST + ":" + port;
        try (BlockingHttp connection = new BlockingHttp(port)) {
            BlockingHttp.Reply login = connection.exchange(new RawmanRequests(port).login("off", false));
            if (login.status() != 200 || login.cookie() == null) {
                throw new IOException("HTTP login refused: " + login);
            }
            // Asterisk's figures were taken with plain wrk: the measured cookie runs have no script (a Lua
            // callback per answer costs wrk a share of its core); a short counted run checks the answers first
            List<String> cookie = List.of("-H", "Cookie: " + login.cookie(), url + "/rawman?action=ping");
            List<String> counted = new ArrayList<>(List.of("-s", counting.toString()));
            counted.addAll(cookie);
            wrk(wrk.get(), serverPid, "warm-up", 1, 1, warmup, counted, true);
            List<Run> runs = new ArrayList<>();
            runs.add(checked(wrk.get(), serverPid, "one connection, the session's cookie from a login on another"
                    + " (plain wrk)", 1, 1, cookie, counted));
            runs.add(wrk(wrk.get(), serverPid, "one connection that logged in itself (a Lua script logs in and"
                    + " checks every answer)", 1, 1, RUN, List.of("-s", ownLogin.toString(), url), true));
            runs.add(checked(wrk.get(), serverPid, "20 connections, one session's cookie (plain wrk)", 2, 20, cookie,
                    counted));
            return new Result(runs, null);
        }
    }

    /** A measured run of plain wrk, whose answers a short counted run with the same settings checked first. */
    private Run checked(Path wrk, long serverPid, String label, int threads, int connections, List<String> plain,
            List<String> counted) throws IOException, InterruptedException {
        Run check = wrk(wrk, serverPid, label, threads, connections, CHECK, counted, true);
        Run measured = wrk(wrk, serverPid, label, threads, connections, RUN, plain, false);
        return new Run(label, connections, measured.perSecond(), measured.p50Micros(), measured.p99Micros(),
                check.pongs(), check.others(), measured.cpu());
    }

    private Run wrk(Path wrk, long serverPid, String label, int threads, int connections, Duration length,
            List<String> target, boolean counting) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t" + threads, "-c" + connections,
                "-d" + Math.max(1, length.toSeconds()) + "s", "--latency"));
        command.addAll(target);
        ProcStat.Window cpu = new ProcStat.Window(serverPid);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(length.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("wrk failed: " + out);
        }
        ProcStat.Cpu used = cpu.end();
        Matcher rate = RATE.matcher(out);
        Matcher counts = COUNTS.matcher(out);
        if (!rate.find() || counting && !counts.find()) {
            throw new IOException("wrk's output is not what the bench reads: " + out);
        }
        return new Run(label, connections, Double.parseDouble(rate.group(1)), percentile(out, "50%"),
                percentile(out, "99%"), counting ? Long.parseLong(counts.group(1)) : -1,
                counting ? Long.parseLong(counts.group(2)) : -1, used);
    }

    /** A line of wrk's latency distribution, such as {@code 50%  93.00us}, in microseconds. */
    static double percentile(String out, String which) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        };
    }

    private Path script(String name, String text) throws IOException {
        Files.createDirectories(scripts);
        Path file = scripts.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Counts Pongs and everything else, per wrk thread, and prints the sums at the end. */
    private static final String COUNT_SCRIPT = """
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) good = 0; bad = 0 end
            function response(status, headers, body)
              if cookie == false then
                local set = headers["Set-Cookie"]
                if set then cookie = set:match('(mansession_id="%x+")') end
                return
              end
              if status == 200 and body:find("Ping: Pong", 1, true) then good = good + 1 else bad = bad + 1 end
            end
            function done(summary, latency, requests)
              local g, b = 0, 0
              for _, t in ipairs(threads) do g = g + t:get("good"); b = b + t:get("bad") end
              io.write(string.format("pong %d, other %d\\n", g, b))
            end
            """;

    /** Logs in on the measured connection first, then Pings with the cookie that login set. */
    private static final String LOGIN_SCRIPT = """
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) good = 0; bad = 0; cookie = false end
            function request()
              if cookie == false then
                return wrk.format("GET", "/rawman?action=login&username=%s&secret=%s&events=off")
              end
              return wrk.format("GET", "/rawman?action=ping", {["Cookie"] = cookie})
            end
            """.formatted(BenchOptions.USER, BenchOptions.SECRET);
}
