package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two WildFly nodes on loopback, each with the EAR, both on one PostgreSQL schema, form one JGroups
 * cluster (issue 16): ami-cluster.cli's TCP stack with TCPPING discovery of the members that
 * {@code ami.cluster.members} lists (arquillian.xml, "nodeA" and "nodeB"). Each node's channel
 * "ee", read through its management API, has both nodes in its view. Without PostgreSQL the test
 * is skipped loudly, or fails when AMI_TEST_POSTGRES_REQUIRED is yes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClusterFormsIT {

    /** The AMI port of the cluster's manager.conf, one for every node since they share the store. */
    private static final int PORT = 29038;
    private static final String A = "nodeA";
    private static final String B = "nodeB";
    private static final String PROBE = "-channel-user";

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = A + "-ear", managed = false, testable = false)
    @TargetsContainer(A)
    static EnterpriseArchive earA() {
        return AmiEar.fromBuild();
    }

    @Deployment(name = B + "-ear", managed = false, testable = false)
    @TargetsContainer(B)
    static EnterpriseArchive earB() {
        return AmiEar.fromBuild();
    }

    @Deployment(name = A + "-postgresql-driver", managed = false, testable = false)
    @TargetsContainer(A)
    static JavaArchive driverA() throws URISyntaxException {
        return postgresDriver();
    }

    @Deployment(name = B + "-postgresql-driver", managed = false, testable = false)
    @TargetsContainer(B)
    static JavaArchive driverB() throws URISyntaxException {
        return postgresDriver();
    }

    @Deployment(name = A + PROBE, managed = false, testable = false)
    @TargetsContainer(A)
    static WebArchive channelUserA() {
        return channelUser();
    }

    @Deployment(name = B + PROBE, managed = false, testable = false)
    @TargetsContainer(B)
    static WebArchive channelUserB() {
        return channelUser();
    }

    @Test
    void twoNodesFormOneCluster() throws Throwable {
        try (PostgresSchema schema = PostgresSchema.create("ami_cluster_", "the two-node cluster test")) {
            KillableServer a = node(A, schema);
            KillableServer b = node(B, schema);
            a.start(PORT);
            try {
                // one key for one database: B reads the secrets A stored (README, "Several nodes")
                Path keyB = Path.of(System.getProperty("it.cluster.dir"), B, "data", "secret.key");
                Files.createDirectories(keyB.getParent());
                Files.copy(Path.of(System.getProperty("it.cluster.dir"), A, "data", "secret.key"), keyB);
                // B's AMI port is A's (both read it from the store), which A holds: no wait for it
                b.start();
                try {
                    deployer.deploy(A + PROBE);
                    deployer.deploy(B + PROBE);
                    assertTrue(Wire.eventually(() -> members(a).equals("[nodeA, nodeB]")), "A's view: " + view(a));
                    assertEquals("[nodeA, nodeB]", members(b), "B's view: " + view(b));
                    deployer.undeploy(B + PROBE);
                    deployer.undeploy(A + PROBE);
                } catch (Exception | Error failure) {
                    throw b.stopAfter(failure);
                }
                b.stop();
            } catch (Exception | Error failure) {
                throw a.stopAfter(failure);
            }
            a.stop();
        }
    }

    private KillableServer node(String name, PostgresSchema schema) throws IOException {
        Path base = freshFolder(name);
        Files.writeString(base.resolve("conf/manager.conf"), "[general]\nenabled = yes\nport = " + PORT
                + "\nbindaddr = 127.0.0.1\n\n[admin]\nsecret = cluster-admin\nread = all\nwrite = all\n");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ami.conf.dir", base.resolve("conf").toString());
        properties.put("ami.data.dir", base.resolve("data").toString());
        properties.putAll(schema.serverProperties(schema.host(), schema.port()));
        KillableServer.Container container = new KillableServer.Container(name,
                Integer.getInteger("it." + name + ".management.port"), name + "-ear", name + "-postgresql-driver",
                "-Dami.it.node=" + System.getProperty("it.killable.marker") + "/" + name);
        return new KillableServer(controller, deployer, container, properties, true);
    }

    /**
     * @return the members of the node's view, "[nodeA, nodeB]": the view without its id and count,
     *         the names without the version WildFly adds to them
     */
    private static String members(KillableServer node) {
        String view = view(node);
        return view.substring(view.lastIndexOf('[')).replaceAll("\\([^)]*\\)", "");
    }

    /**
     * @return the view of the node's channel "ee", as its management API shows it:
     *         "[nodeA(v=16.0.5)|1] (2) [nodeA(v=16.0.5), nodeB(v=16.0.5)]"
     */
    private static String view(KillableServer node) {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-attribute");
        op.get("address").add("subsystem", "jgroups").add("channel", "ee");
        op.get("name").set("view");
        try (ModelControllerClient client = node.management()) {
            ModelNode result = client.execute(op);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException("cannot read the view: " + result);
            }
            return result.get("result").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebArchive channelUser() {
        return ShrinkWrap.create(WebArchive.class, "channel-user.war").addClass(ChannelUser.class);
    }

    /** PostgreSQL's JDBC driver, deployed as postgresql.jar, the driver name ami.db.driver gives (README). */
    private static JavaArchive postgresDriver() throws URISyntaxException {
        File jar = new File(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ShrinkWrap.create(JavaArchive.class, "postgresql.jar").merge(ShrinkWrap.createFromZipFile(JavaArchive.class, jar));
    }

    private static Path freshFolder(String name) throws IOException {
        Path base = Path.of(System.getProperty("it.cluster.dir")).resolve(name);
        if (Files.exists(base)) {
            try (Stream<Path> walk = Files.walk(base)) {
                for (Path p : walk.sorted((x, y) -> y.compareTo(x)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(base.resolve("conf"));
        return base;
    }
}
