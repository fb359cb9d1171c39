package dev.ami.it;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * The "killable" server of arquillian.xml: started by the test, given its data folder and database
 * as system properties through the management API before the EAR is deployed (so one container
 * serves H2 and PostgreSQL), and killed with SIGKILL: no shutdown hook, no orderly close of the
 * database, as when the machine's OOM killer or an operator's {@code kill -9} ends it.
 */
final class KillableServer {

    static final String CONTAINER = "killable";
    static final String EAR = "killable-ear";
    static final String DRIVER = "killable-postgresql-driver";

    private final ContainerController controller;
    private final Deployer deployer;
    private final Map<String, String> properties;
    private final boolean postgres;
    private boolean driverDeployed;

    /**
     * @param properties {@code ami.conf.dir}, {@code ami.data.dir}, {@code ami.db.*}
     * @param postgres   true to deploy PostgreSQL's driver before the EAR
     */
    KillableServer(ContainerController controller, Deployer deployer, Map<String, String> properties, boolean postgres) {
        this.controller = controller;
        this.deployer = deployer;
        this.properties = properties;
        this.postgres = postgres;
    }

    /** Starts the server and deploys, returning once the AMI port accepts connections. */
    void start(int amiPort) throws IOException {
        controller.start(CONTAINER);
        try (ModelControllerClient client = ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(),
                Integer.getInteger("it.killable.management.port"))) {
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
            deployer.deploy(DRIVER);
            driverDeployed = true;
        }
        deployer.deploy(EAR);
        AmiTestClient.open(amiPort).close();
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
        String marker = "-Dami.it.killable=" + System.getProperty("it.killable.marker");
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
            deployer.undeploy(EAR);
            if (driverDeployed) {
                deployer.undeploy(DRIVER);
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
        try {
            controller.stop(CONTAINER);
        } catch (RuntimeException alreadyDead) {
            // the process was killed: nothing left to stop
        }
    }
}
