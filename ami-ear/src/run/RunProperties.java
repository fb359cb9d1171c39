import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The run profile's settings for WildFly (README: Your own configuration), written to a properties
 * file that only the user may read, which standalone.sh loads with --properties. They arrive here
 * in the environment, and travel on no command line: every user of the machine can read a command
 * line in ps, and the database password is one of them. Run by ami-ear's run profile as a Java
 * source file: {@code java RunProperties.java <file>}. With AMI_RUN_NODE, the settings of one of
 * several nodes on this machine too ({@link #node(String, String)}).
 */
public final class RunProperties {

    /** The system property each environment variable sets. */
    static final Map<String, String> SETTINGS = new TreeMap<>(Map.of(
            "AMI_RUN_CONF_DIR", "ami.conf.dir",
            "AMI_RUN_DATA_DIR", "ami.data.dir",
            "AMI_RUN_DB_URL", "ami.db.url",
            "AMI_RUN_DB_DRIVER", "ami.db.driver",
            "AMI_RUN_DB_USER", "ami.db.user",
            "AMI_RUN_DB_PASSWORD", "ami.db.password"));

    /**
     * How many nodes of one cluster the run profile starts on this machine at most (README: Several
     * nodes): node n runs at port offset 100 (n - 1), so its JGroups port (jgroups-tcp, 7600) is
     * 7600 + 100 (n - 1), and each lists all of them as its cluster's members.
     */
    static final int NODES = 3;

    private RunProperties() {
    }

    /**
     * The server settings of node {@code node} of this machine (AMI_RUN_NODE): its port offset (WildFly's and AMI's),
     * its node name (JGroups' name of it, the transaction manager's node id) and the members its
     * JGroups channel asks when it starts (ami-cluster.cli), unless {@code members} names them.
     */
    static Map<String, String> node(String node, String members) {
        int n;
        try {
            n = Integer.parseInt(node.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > 9) {
            throw new IllegalArgumentException("AMI_NODE must be a number from 1 to 9, not " + node);
        }
        Map<String, String> properties = new TreeMap<>();
        properties.put("jboss.socket.binding.port-offset", Integer.toString(100 * (n - 1)));
        // the AMI ports are the shared store's; this node listens on them plus its offset, as WildFly's own do
        properties.put("ami.port.offset", Integer.toString(100 * (n - 1)));
        properties.put("jboss.node.name", "node" + n);
        properties.put("jboss.tx.node.id", "node" + n);
        properties.put("ami.cluster.members", members != null && !members.isBlank() ? members
                : IntStream.rangeClosed(1, Math.max(NODES, n)).mapToObj(i -> "127.0.0.1[" + (7600 + 100 * (i - 1)) + "]")
                        .collect(Collectors.joining(",")));
        return properties;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java RunProperties.java <properties file to write>");
            System.exit(2);
        }
        Properties properties = new Properties();
        SETTINGS.forEach((variable, property) -> {
            String value = System.getenv(variable);
            if (value != null && !value.isEmpty()) {
                properties.setProperty(property, value);
            }
        });
        String node = System.getenv("AMI_RUN_NODE");
        if (node != null && !node.isEmpty()) {
            try {
                properties.putAll(node(node, System.getenv("AMI_RUN_CLUSTER_MEMBERS")));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        // made anew, owner-only from its first byte; a file left by an earlier run may be readable
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            // ISO-8859-1 with \\u escapes: any value survives the reading side
            properties.store(out, "ami run profile: ami.* settings for standalone.sh --properties (owner-only)");
        }
    }
}
