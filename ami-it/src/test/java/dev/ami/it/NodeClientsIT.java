package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Node's AMI clients, run with Node.js from npm packages: each logs in, pings, receives a UserEvent
 * sent by another session, is refused Command (no command write), turns events off and logs off.
 * Needs node and npm on the PATH: skipped without them, unless {@value #REQUIRED} is {@code yes}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeClientsIT {

    static final String REQUIRED = "AMI_TEST_NODE_REQUIRED";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @BeforeEach
    void nodeIsInstalled() {
        SystemTools.require(REQUIRED, "Node.js AMI client tests", "node", "npm");
    }

    @Test
    void asteriskManager() throws Exception {
        String marker = UUID.randomUUID().toString();
        assertEquals(List.of(
                "{\"step\":\"login\",\"ok\":true}",
                "{\"step\":\"ping\",\"response\":\"Success\",\"ping\":\"Pong\"}",
                "{\"step\":\"userevent\",\"name\":\"Demo\",\"probemarker\":\"" + marker + "\"}",
                "{\"step\":\"command\",\"response\":\"Error\",\"message\":\"Permission denied\"}",
                "{\"step\":\"events\",\"response\":\"Success\",\"events\":\"Off\"}",
                "{\"step\":\"logoff\",\"response\":\"Goodbye\"}",
                "{\"step\":\"closed\"}"), run("asterisk-manager-session.js", marker));
    }

    @Test
    void asteriskAmiClient() throws Exception {
        String marker = UUID.randomUUID().toString();
        assertEquals(List.of(
                "{\"step\":\"login\",\"ok\":true}",
                "{\"step\":\"ping\",\"response\":\"Success\",\"ping\":\"Pong\"}",
                "{\"step\":\"userevent\",\"name\":\"Demo\",\"probemarker\":\"" + marker + "\"}",
                "{\"step\":\"command\",\"response\":\"Error\",\"message\":\"Permission denied\"}",
                "{\"step\":\"events\",\"response\":\"Success\",\"events\":\"Off\"}",
                "{\"step\":\"closed\"}"), run("asterisk-ami-client-session.js", marker));
    }

    /** Runs the script; once it has pinged, another session sends the UserEvent it waits for. */
    private static List<String> run(String script, String marker) throws Exception {
        AmiTestClient.open(AmiEar.PORT).close();
        File dir = new File(System.getProperty("it.node.dir", "target/node"));
        Process node = new ProcessBuilder("node", script, Integer.toString(AmiEar.PORT), "limited-user", "pw3")
                .directory(dir).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
             AmiTestClient sender = AmiTestClient.connect(AmiEar.PORT)) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.contains("\"step\":\"ping\"")) {
                    sender.send(crlf("Action: Login\nUsername: admin\nSecret: s3cret\nEvents: off\n\n"
                            + "Action: UserEvent\nUserEvent: Demo\nProbeMarker: " + marker + "\n\n"));
                }
            }
        } finally {
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        return lines;
    }
}
