package dev.ami.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bench's own WildFly: a fresh base directory (configuration copied from the unpacked dist,
 * the EAR in its deployments folder), a conf folder with the caller's manager.conf and http.conf
 * (the bench's or the reliability harness's), an empty data folder, all under ami-bench/target,
 * started with standalone.sh and stopped again on every exit path. Everything the bench learns
 * about it comes from outside: the AMI and HTTP manager ports, /proc and jcmd.
 */
final class WildFlyServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final double QUIET_CORES = 0.1;
    /** G1 names one "heap", the serial collector two generations; each line gives its total and used. */
    private static final Pattern HEAP_USED = Pattern.compile("(?:heap|generation)\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");
    /** WFLYSRV0025/0026: "... started in 19300ms - Started 793 of 982 services ..." */
    private static final Pattern STARTED =
            Pattern.compile("started (?:\\(with errors\\) )?in (\\d+)ms - Started (\\d+) of (\\d+)");
    /**
     * The bench server's deployment scanner interval. The EAR is handed to the scanner after boot
     * (see {@link #deployAfterBoot}); at WildFly's default of 5 s the start-up figure would hold up to
     * 5 s of the bench's own waiting, which a server deploying at boot (the run profile) does not.
     */
    static final int SCAN_INTERVAL_MILLIS = 250;

    /**
     * How the server started, measured from outside: seconds from launching standalone.sh to each
     * step, and its footprint once settled, before any scenario ran.
     *
     * @param bootLogSeconds   WildFly's own "started in" figure (the boot, before the EAR is handed over)
     * @param services         "793 of 982" services started, from the same line
     * @param bootSeconds      launch until the bench saw WildFly's boot line
     * @param greetingSeconds  launch until the AMI port first greeted
     * @param loginSeconds     launch until the first AMI Login was accepted
     * @param settleSeconds    the first login until the server's CPU fell quiet
     * @param idleRssKib       resident size once quiet
     * @param idleLiveHeapKib  heap in use after a full GC, once quiet (measured after the RSS)
     */
    record StartUp(double bootLogSeconds, String services, double bootSeconds, double greetingSeconds, double loginSeconds,
                   double settleSeconds, long idleRssKib, long idleLiveHeapKib) {
    }

    /**
     * Where one server of the bench lives and listens: the bench's own server is {@link #of}; a
     * second node of a cluster (scenario n) has folders, ports and system properties of its own.
     *
     * @param suffix     appended to the folder names under target ("" for the bench's server)
     * @param portOffset WildFly's socket-binding offset
     * @param amiPort    where its AMI port greets (manager.conf's port plus any ami.port.offset)
     * @param httpPort   its HTTP manager's port (its http.conf's bindport), or 0 if its http.conf turns it off
     * @param properties further {@code -Dname=value} arguments of standalone.sh
     */
    record Node(String suffix, int portOffset, int amiPort, int httpPort, List<String> properties) {
        Node {
            properties = List.copyOf(properties);
        }

        /** The bench's own server, as BenchOptions places it. */
        static Node of(BenchOptions options) {
            return new Node("", options.portOffset(), options.amiPort(), options.httpPort(), List.of());
        }

        Node withProperties(List<String> more) {
            List<String> all = new ArrayList<>(properties);
            all.addAll(more);
            return new Node(suffix, portOffset, amiPort, httpPort, all);
        }
    }

    private final BenchOptions options;
    private final Node node;
    private final String managerConf;
    private final String httpConf;
    private final Path base;
    private final Path conf;
    private final Path data;
    private final Path console;
    private final Path pidFile;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Process shell;
    private long javaPid = -1;
    private Thread shutdownHook;
    private long launchedAt;
    private double bootSeconds = Double.NaN;
    private StartUp startUp;

    /**
     * @param managerConf the manager.conf the server imports at its first start
     * @param httpConf    its http.conf
     */
    WildFlyServer(BenchOptions options, String managerConf, String httpConf) {
        this(options, managerConf, httpConf, Node.of(options));
    }

    /**
     * @param node where this server lives and listens
     */
    WildFlyServer(BenchOptions options, String managerConf, String httpConf, Node node) {
        this.options = options;
        this.node = node;
        this.managerConf = managerConf;
        this.httpConf = httpConf;
        this.base = options.target().resolve("bench-server" + node.suffix());
        this.conf = options.target().resolve("bench-conf" + node.suffix());
        this.data = options.target().resolve("bench-data" + node.suffix());
        this.console = base.resolve("console.log");
        this.pidFile = base.resolve("server.pid");
    }

    long pid() {
        return javaPid;
    }

    Path console() {
        return console;
    }

    /** @return how the server started (after {@link #start()}) */
    StartUp startUp() {
        return startUp;
    }

    void start() throws IOException, InterruptedException {
        if (greets(Duration.ofMillis(500))) {
            throw new IllegalStateException("something already answers on " + BenchOptions.HOST + ":" + node.amiPort()
                    + " (a bench server left over from a killed run?); stop it and run again");
        }
        Path dist = options.wildflyHome().resolve("standalone");
        if (!Files.isRegularFile(options.wildflyHome().resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("no WildFly at " + options.wildflyHome()
                    + "; run through Maven: mvn -Pbench package");
        }
        if (!Files.isRegularFile(options.ear())) {
            throw new IllegalStateException("no EAR at " + options.ear() + "; run through Maven: mvn -Pbench package");
        }
        for (Path dir : List.of(base, conf, data)) {
            deleteRecursively(dir);
        }
        copyTree(dist.resolve("configuration"), base.resolve("configuration"));
        scanFaster(base.resolve("configuration/standalone-full.xml"));
        Files.createDirectories(base.resolve("deployments"));
        // deployed once the server has booted (deployAfterBoot), not from the folder at boot
        Files.copy(options.ear(), base.resolve("ami.ear"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("manager.conf"), managerConf);
        Files.writeString(conf.resolve("http.conf"), httpConf);
        // an empty data folder: the first start imports this manager.conf
        Files.createDirectories(data);

        ProcessBuilder builder = new ProcessBuilder(
                options.wildflyHome().resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + node.portOffset(),
                "-Dami.conf.dir=" + conf,
                "-Dami.data.dir=" + data,
                // the EAR's datasource takes its URL from here (H2 in the bench's own data folder)
                "-Dami.db.url=jdbc:h2:file:" + data.resolve("ami") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        builder.command().addAll(node.properties());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JBOSS_HOME", options.wildflyHome().toString());
        // standalone.conf keeps these only when JAVA_OPTS is unset; the sizing is the shipped one
        env.put("JAVA_OPTS", options.serverJvm() + " -Djava.net.preferIPv4Stack=true"
                + " -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true");
        // background mode: standalone.sh writes the java pid to the pid file and forwards signals
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        env.put("JBOSS_PIDFILE", pidFile.toString());
        builder.redirectErrorStream(true).redirectOutput(console.toFile());
        System.out.println("bench: starting WildFly (base " + base + ", AMI port " + node.amiPort()
                + ", port offset " + node.portOffset() + "); log: " + console);
        launchedAt = System.nanoTime();
        shell = builder.start();
        shutdownHook = new Thread(this::stop, "bench-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        deployAfterBoot();
        waitForAmi();
        double greeting = sinceLaunch();
        waitForLogin();
        double login = sinceLaunch();
        javaPid = findJavaPid();
        if (node.httpPort() > 0) {
            waitForHttp();
        }
        System.out.printf(java.util.Locale.ROOT, "bench: server up, java pid %d; AMI greeted %.1f s and accepted a login"
                + " %.1f s after the launch; HTTP manager on port %s%n", javaPid, greeting, login,
                node.httpPort() > 0 ? Integer.toString(node.httpPort()) : "none");
        double settle = awaitQuiet();
        long rss = ProcStat.rssKib(javaPid);
        long heap = liveHeapKib();
        Matcher started = STARTED.matcher(Files.readString(console, StandardCharsets.ISO_8859_1));
        boolean found = started.find();
        startUp = new StartUp(found ? Long.parseLong(started.group(1)) / 1000.0 : Double.NaN,
                found ? started.group(2) + " of " + started.group(3) : "?", bootSeconds, greeting, login,
                settle - login, rss, heap);
    }

    private double sinceLaunch() {
        return (System.nanoTime() - launchedAt) / 1e9;
    }

    /** Sets the deployment scanner's interval of the bench server's copy of the configuration. */
    private static void scanFaster(Path config) throws IOException {
        String xml = Files.readString(config, StandardCharsets.UTF_8);
        String faster = xml.replaceFirst("(<deployment-scanner [^>]*scan-interval=\")\\d+(\")",
                "$1" + SCAN_INTERVAL_MILLIS + "$2");
        if (faster.equals(xml) && !xml.contains("scan-interval=\"" + SCAN_INTERVAL_MILLIS + "\"")) {
            throw new IllegalStateException("no deployment-scanner scan-interval in " + config);
        }
        Files.writeString(config, faster, StandardCharsets.UTF_8);
    }

    /**
     * Logs in until a login is accepted: the AMI port may greet before the accounts are loaded,
     * and start-up is measured to the first login a client gets through.
     */
    private void waitForLogin() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no attempt";
        while (System.nanoTime() < deadline) {
            try (BlockingAmi ami = new BlockingAmi(null, node.amiPort(), 2000)) {
                ami.login(BenchOptions.USER, BenchOptions.SECRET);
                return;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the server accepted no AMI login within " + START_TIMEOUT.toSeconds() + " s ("
                + last + ")\n" + logTail(60));
    }

    /**
     * Waits until the server's own CPU use falls (the end of deployment work and of compiling
     * start-up code), so that the first scenario does not measure the server's start.
     */
    private double awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long t0 = System.nanoTime();
        double cores;
        do {
            ProcStat.Meter meter = new ProcStat.Meter(javaPid);
            Thread.sleep(1000);
            cores = meter.cores();
        } while (cores > QUIET_CORES && System.nanoTime() < deadline);
        System.out.printf(java.util.Locale.ROOT, "bench: server settled after %.0f s (%.2f cores)%n",
                (System.nanoTime() - t0) / 1e9, cores);
        return sinceLaunch();
    }

    /**
     * Puts the EAR into the deployments folder once the server has booted, for its scanner to
     * deploy, as a deployment to a running server (ami-it's) is made. ami-http-war makes the HTTP
     * manager's listener through the management model when it is deployed; during boot that model
     * is not published yet (a read of subsystem=undertow fails), so a deployment present at boot
     * gets no listener.
     */
    private void deployAfterBoot() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!booted()) {
            if (!shell.isAlive()) {
                throw new IllegalStateException("the server exited (code " + shell.exitValue() + ") while booting\n"
                        + logTail(60));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not boot within " + START_TIMEOUT.toSeconds() + " s\n"
                        + logTail(60));
            }
            Thread.sleep(50);
        }
        bootSeconds = sinceLaunch();
        // one atomic step, so that the scanner never sees half an archive
        Files.move(base.resolve("ami.ear"), base.resolve("deployments/ami.ear"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return true once the console says WildFly has started (WFLYSRV0025, or WFLYSRV0026 with errors) */
    private boolean booted() throws IOException {
        if (!Files.isRegularFile(console)) {
            return false;
        }
        String log = Files.readString(console, StandardCharsets.ISO_8859_1);
        return log.contains("WFLYSRV0025") || log.contains("WFLYSRV0026");
    }

    private void waitForAmi() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!shell.isAlive()) {
                throw new IllegalStateException("the server exited (code " + shell.exitValue()
                        + ") before opening the AMI port " + node.amiPort() + "\n" + logTail(60));
            }
            if (greets(Duration.ofSeconds(2))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not open the AMI port " + node.amiPort() + " within "
                + START_TIMEOUT.toSeconds() + " s\n" + logTail(60));
    }

    /**
     * Waits for the HTTP manager: ami-http-war makes its listener from http.conf through WildFly's
     * management model once deployed, a moment after the AMI port opens.
     */
    private void waitForHttp() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        byte[] ping = new RawmanRequests(node.httpPort()).ping(null, true);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try (BlockingHttp http = new BlockingHttp(node.httpPort())) {
                BlockingHttp.Reply reply = http.exchange(ping);
                if (reply.status() == 200) {
                    return;
                }
                last = "HTTP " + reply.status(); // 503 until the connector has handed over its link
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the HTTP manager did not answer on " + BenchOptions.HOST + ":"
                + node.httpPort() + " within 60 s (" + last + ")\n" + logTail(60));
    }

    /** @return true if the AMI port accepts a connection and sends the AMI greeting */
    private boolean greets(Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(BenchOptions.HOST, node.amiPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            return line != null && line.startsWith(ClientSession.GREETING_PREFIX);
        } catch (IOException e) {
            return false;
        }
    }

    private long findJavaPid() throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            try {
                if (Files.isRegularFile(pidFile)) {
                    long pid = Long.parseLong(Files.readString(pidFile).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        return pid;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // written a moment after the start; try again
            }
            Optional<ProcessHandle> java = shell.descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .findFirst();
            if (java.isPresent()) {
                return java.get().pid();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server's java process was not found (pid file " + pidFile + ")");
    }

    /** Runs {@code jcmd <server pid> args...} and returns its output. */
    String jcmd(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(javaPid));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd", e);
        }
    }

    /** @return the server's used heap in KiB right after a full collection (live data) */
    long liveHeapKib() {
        jcmd("GC.run");
        return usedHeapKib(jcmd("GC.heap_info"));
    }

    /** @return the used KiB that GC.heap_info's output names, summed over the collector's generations */
    static long usedHeapKib(String info) {
        Matcher m = HEAP_USED.matcher(info);
        long used = 0;
        boolean found = false;
        while (m.find()) {
            used += Long.parseLong(m.group(2));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("cannot read the heap size from jcmd GC.heap_info:\n" + info);
        }
        return used;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(console, StandardCharsets.UTF_8);
            return "---- last " + Math.min(lines, all.size()) + " lines of " + console + " ----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no server log at " + console + ": " + e + ")";
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 30 s); safe to call more than once and from the shutdown hook. */
    void stop() {
        if (shell == null || !stopped.compareAndSet(false, true)) {
            return;
        }
        System.out.println("bench: stopping the server (" + base.getFileName() + ")");
        ProcessHandle.of(javaPid).ifPresent(h -> terminate(h, 30));
        terminate(shell.toHandle(), 10);
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook is this very path
            }
        }
    }

    private static void terminate(ProcessHandle process, int seconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
