import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The run profile's settings for WildFly (README: Your own configuration), written to a properties
 * file that only the user may read, which standalone.sh loads with --properties. They arrive here
 * in the environment, and travel on no command line: every user of the machine can read a command
 * line in ps, and the database password is one of them. Run by ami-ear's run profile as a Java
 * source file: {@code java RunProperties.java <file>}.
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

    private RunProperties() {
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
