package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The run profile (mvn -Prun package) hands WildFly the ami.* settings, the database password
 * among them, in a properties file only the user may read, never as -D arguments on a command line
 * that ps shows to every user.
 */
class RunPropertiesTest {

    private static final Path EAR = Path.of(System.getProperty("user.dir")).getParent().resolve("ami-ear");

    @TempDir
    Path dir;

    @Test
    void theSettingsArriveOwnerOnlyAndIntact() throws Exception {
        Path file = dir.resolve("target/ami-run.properties");
        String password = "p\\a=s:s w#ö!rd";
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                EAR.resolve("src/run/RunProperties.java").toString(), file.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("AMI_RUN_DB_PASSWORD", password);
        builder.environment().put("AMI_RUN_DB_URL", "jdbc:h2:file:/x/ami;DB_CLOSE_ON_EXIT=FALSE");
        builder.environment().remove("AMI_RUN_DB_USER");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            read.load(in);
        }
        assertEquals(password, read.getProperty("ami.db.password"));
        assertEquals("jdbc:h2:file:/x/ami;DB_CLOSE_ON_EXIT=FALSE", read.getProperty("ami.db.url"));
        assertFalse(read.containsKey("ami.db.user"), "an unset variable sets nothing (the datasource's default holds)");
    }

    @Test
    void anotherNodeOfThisMachineGetsItsOffsetNameAndMembers() throws Exception {
        Path file = dir.resolve("target/ami-run.properties");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                EAR.resolve("src/run/RunProperties.java").toString(), file.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("AMI_RUN_NODE", "2");
        builder.environment().remove("AMI_RUN_CLUSTER_MEMBERS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            read.load(in);
        }
        assertEquals("100", read.getProperty("jboss.socket.binding.port-offset"));
        assertEquals("100", read.getProperty("ami.port.offset"));
        assertEquals("node2", read.getProperty("jboss.node.name"));
        // jgroups-tcp is 7600 plus each node's offset (ami-cluster.cli)
        assertEquals("127.0.0.1[7600],127.0.0.1[7700],127.0.0.1[7800]", read.getProperty("ami.cluster.members"));

        builder.environment().put("AMI_RUN_NODE", "two");
        Process refused = builder.start();
        String said = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, refused.exitValue(), said);
        assertTrue(said.contains("AMI_NODE must be a number from 1 to 9"), said);
    }

    @Test
    void wildflyIsStartedWithoutAnyAmiSettingOnItsCommandLine() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(EAR.resolve("pom.xml").toFile());
        NodeList executions = pom.getElementsByTagName("execution");
        List<String> arguments = null;
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            if ("run-wildfly".equals(text(execution, "id"))) {
                NodeList list = execution.getElementsByTagName("argument");
                arguments = new ArrayList<>();
                for (int j = 0; j < list.getLength(); j++) {
                    arguments.add(list.item(j).getTextContent().strip());
                }
            }
        }
        assertTrue(arguments != null, "ami-ear's run profile starts WildFly in the execution run-wildfly");
        assertTrue(arguments.contains("--properties=${project.build.directory}/ami-run.properties"), arguments.toString());
        for (String argument : arguments) {
            assertFalse(argument.contains("ami.") && argument.startsWith("-D"), argument);
            assertFalse(argument.contains("${ami.db"), argument);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
