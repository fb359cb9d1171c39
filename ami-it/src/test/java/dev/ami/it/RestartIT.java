package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database is the store of record: manager.conf is imported on the first start of an empty
 * data folder only, and what was stored survives a full server restart even when the file changes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestartIT {

    private static final String CONTAINER = "restartable";
    private static final String DEPLOYMENT = "restartable-ear";
    private static final int PORT = 26038;

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @Test
    void accountsSurviveARestartOnTheSameDataFolder() throws IOException {
        Path base = Path.of(System.getProperty("it.restart.dir"));
        Path conf = base.resolve("conf").resolve("manager.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, managerConf("keeper", "before-restart", ""));

        startAndDeploy();
        try {
            assertLogin("keeper", "before-restart", true);
        } finally {
            undeployAndStop();
        }
        Path data = base.resolve("data");
        assertOwnerOnly(data);

        // The file changes while the server is down; the stored accounts must win.
        Files.writeString(conf, managerConf("keeper", "changed-in-file", "[newcomer]\nsecret = n\nread = all\n"));
        // and the data folder is open to all, as an older version left it: the start closes it again
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("ami.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        startAndDeploy();
        try {
            assertLogin("keeper", "before-restart", true);
            assertLogin("keeper", "changed-in-file", false);
            assertLogin("newcomer", "n", false);
        } finally {
            undeployAndStop();
        }
        assertSecretsAreNotInTheDatabaseFiles(data, "before-restart");
        assertOwnerOnly(data);
    }

    /** The data folder and the files in it (H2's database, the key) are the server's user's alone. */
    private static void assertOwnerOnly(Path dataDir) throws IOException {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)), dataDir.toString());
        for (String name : List.of("ami.mv.db", "secret.key")) {
            Path file = dataDir.resolve(name);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }

    /** Secrets are stored encrypted: no database file holds one in clear. */
    private static void assertSecretsAreNotInTheDatabaseFiles(Path dataDir, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("ami.")).toList();
        }
        assertFalse(files.isEmpty(), "no database file in " + dataDir);
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (int i = 0; i + needle.length <= content.length; i++) {
                if (Arrays.equals(content, i, i + needle.length, needle, 0, needle.length)) {
                    throw new AssertionError("the secret is readable in " + file + " at byte " + i);
                }
            }
        }
        assertTrue(Files.exists(dataDir.resolve("ami.mv.db")), "the H2 database is <data>/ami.mv.db (ami.db.url)");
        assertTrue(Files.exists(dataDir.resolve("secret.key")), "the key lives beside the database");
    }

    private static String managerConf(String user, String secret, String more) {
        return "[general]\nenabled = yes\nport = " + PORT + "\nbindaddr = 127.0.0.1\n\n[" + user + "]\nsecret = "
                + secret + "\nread = all\nwrite = all\n\n" + more;
    }

    private void startAndDeploy() {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
    }

    private void undeployAndStop() {
        try {
            deployer.undeploy(DEPLOYMENT);
        } finally {
            controller.stop(CONTAINER);
        }
    }

    private static void assertLogin(String user, String secret, boolean accepted) throws IOException {
        try (AmiTestClient c = AmiTestClient.connect(PORT)) {
            c.send(crlf("Action: Login\nUsername: " + user + "\nSecret: " + secret + "\nEvents: off\n\n"));
            String expected = accepted ? "Response: Success\nMessage: Authentication accepted\n\n"
                    : "Response: Error\nMessage: Authentication failed\n\n";
            assertEquals(crlf(expected), c.readMessage(), user + "/" + secret);
        }
    }
}
