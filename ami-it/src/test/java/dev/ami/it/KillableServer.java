package dev.ami.it;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * A manual server of arquillian.xml (the "killable" one, or a cluster node): started by the test,
 * given its data folder and database as system properties through the management API before the
 * EAR is deployed (so one container serves H2 and PostgreSQL), and killed with SIGKILL: no shutdown
 * hook, no orderly close of the database, as when the machine's OOM killer or an operator's
 * {@code kill -9} ends it.
 */
final class KillableServer {

    static final String CONTAINER = "killable";
    static final String EAR = "killable-ear";
    static final String DRIVER = "killable-postgresql-driver";

    /**
     * A manual container of arquillian.xml and the names of its deployments.
     *
     * @param container      the container's qualifier
     * @param managementPort its management port (9990 plus its port offset)
     * @param ear            the name of the EAR's deployment to it
     * @param driver         the name of PostgreSQL's driver's deployment to it
     * @param marker         an argument only its process has on its command line, to find it for SIGKILL
     */
    record Container(String container, int managementPort, String ear, String driver, String marker) {
    }

    /** The "killable" container of CrashSafetyIT. */
    static final Container KILLABLE = new Container(CONTAINER, Integer.getInteger("it.killable.management.port", 10590),
            EAR, DRIVER, "-Dami.it.killable=" + System.getProperty("it.killable.marker"));

    private final ContainerController controller;
    private final Deployer deployer;
    private final Container server;
    private final Map<String, String> properties;
    private final boolean postgres;
    private boolean driverDeployed;

    /**
     * The "killable" container.
     *
     * @param properties {@code ami.conf.dir}, {@code ami.data.dir}, {@code ami.db.*}
     * @param postgres   true to deploy PostgreSQL's driver before the EAR
     */
    KillableServer(ContainerController controller, Deployer deployer, Map<String, String> properties, boolean postgres) {
        this(controller, deployer, KILLABLE, properties, postgres);
    }

    /**
     * @param server     which container, with the names of its deployments
     * @param properties {@code ami.conf.dir}, {@code ami.data.dir}, {@code ami.db.*}
     * @param postgres   true to deploy PostgreSQL's driver before the EAR
     */
    KillableServer(ContainerController controller, Deployer deployer, Container server, Map<String, String> properties,
            boolean postgres) {
        this.controller = controller;
        this.deployer = deployer;
        this.server = server;
        this.properties = properties;
        this.postgres = postgres;
    }

    /** Starts the server and deploys, returning once the AMI port accepts connections. */
    void start(int amiPort) throws IOException {
        start();
        AmiTestClient.open(amiPort).close();
    }

    /**
     * Starts the server and deploys, without waiting for its AMI port: for a second node on this
     * machine, whose AMI port (from the store the nodes share) the first one holds.
     */
    void start() throws IOException {
        controller.start(server.container());
        try (ModelControllerClient client = management()) {
            for (Map.Entry<String, String> p : properties.entrySet()) {
                ModelNode op = new ModelNode();
                op.get("operation").set("add");
                op.get("address").add("system-property", p.getKey());
                op.get("value").set(p.getValue());
                ModelNode result = client.execute(op);
                if (!"success".equals(result.get("outcome").asString())) {
                    throw new IOException("cannot set " + p.getKey() + ": " + result);
                }
            }
        }
        if (postgres) {
            deployer.deploy(server.driver());
            driverDeployed = true;
        }
        deployer.deploy(server.ear());
    }

    /** @return a client of the server's management interface, to close */
    ModelControllerClient management() {
        return ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(), server.managementPort());
    }

    /** Kills the server with SIGKILL, waits until it is gone, and tells Arquillian. */
    void kill() {
        killProcess();
        killed();
    }

    /**
     * Kills the server process with SIGKILL and waits until it is gone; from any thread, unlike
     * {@link #killed()}, which must follow on the test's thread (Arquillian's contexts are its).
     */
    void killProcess() {
        String marker = server.marker();
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains(marker)).toList();
        if (servers.size() != 1) {
            throw new IllegalStateException("expected one server process with " + marker + ", found " + servers);
        }
        ProcessHandle server = servers.get(0);
        // destroyForcibly is SIGKILL on Linux
        server.destroyForcibly();
        try {
            server.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the server did not die: " + e, e);
        }
    }

    /** Arquillian's bookkeeping after {@link #killProcess()}. */
    void killed() {
        forget();
    }

    /** Undeploys and stops in order. */
    void stop() {
        try {
            deployer.undeploy(server.ear());
            if (driverDeployed) {
                deployer.undeploy(server.driver());
            }
        } finally {
            forget();
        }
    }

    /**
     * Stops after a failure, keeping the failure first: stopping a broken or dead server may fail too.
     *
     * @return the failure, to throw
     */
    <T extends Throwable> T stopAfter(T failure) {
        try {
            stop();
        } catch (RuntimeException stopFailed) {
            failure.addSuppressed(stopFailed);
        }
        return failure;
    }

    /** Arquillian's bookkeeping for a process that is gone (its stop finds nothing to stop). */
    private void forget() {
        driverDeployed = false;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                controller.stop(server.container());
                return;
            } catch (Exception stillThere) { // Arquillian throws its checked LifecycleException undeclared
                // Arquillian may not have seen the killed process end yet (on a loaded machine it then
                // tries the management port, which is gone): a second later it has
                sleepQuietly(1_000);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param root a test's folder for its servers
     * @param name one server's (or one case's) folder in it
     * @return that folder, emptied, with an empty {@code conf} folder in it
     */
    static Path freshFolder(Path root, String name) throws IOException {
        Path base = root.resolve(name);
        if (Files.exists(base)) {
            try (Stream<Path> walk = Files.walk(base)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(base.resolve("conf"));
        return base;
    }
}
