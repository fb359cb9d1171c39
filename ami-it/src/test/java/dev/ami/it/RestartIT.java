package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

        // The file changes while the server is down; the stored accounts must win.
        Files.writeString(conf, managerConf("keeper", "changed-in-file", "[newcomer]\nsecret = n\nread = all\n"));

        startAndDeploy();
        try {
            assertLogin("keeper", "before-restart", true);
            assertLogin("keeper", "changed-in-file", false);
            assertLogin("newcomer", "n", false);
        } finally {
            undeployAndStop();
        }
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
