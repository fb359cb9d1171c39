package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/ami-config hands the account's secret to curl on standard input, never on curl's command
 * line, where every user of the machine could read it in ps; the secret arrives intact even with
 * the characters curl's configuration syntax quotes.
 */
class AmiConfigScriptTest {

    static final String REQUIRED = "AMI_TEST_CURL_REQUIRED";

    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).getParent().resolve("bin/ami-config");
    private static final String USER = "admin";
    private static final String SECRET = "se\"cr\\et with spaces: and ünïcode";

    @TempDir
    Path dir;

    @Test
    void theSecretIsNotOnCurlsCommandLine() throws Exception {
        // a stand-in curl that records what it was given
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path fakeCurl = bin.resolve("curl");
        Files.writeString(fakeCurl, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"$RECORD.args\"\ncat > \"$RECORD.stdin\"\n");
        Files.setPosixFilePermissions(fakeCurl, PosixFilePermissions.fromString("rwx------"));
        Path conf = Files.writeString(dir.resolve("manager.conf"), "[general]\nenabled = yes\n");
        Path record = dir.resolve("record");
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "RECORD", record.toString());

        for (List<String> args : List.of(List.of("export", "manager.conf"),
                List.of("import", "manager.conf", conf.toString(), "--dry-run"))) {
            assertEquals(0, run(env, args).exitCode(), "with " + args);
            String commandLine = Files.readString(dir.resolve("record.args"));
            assertFalse(commandLine.contains("cr\\et"), commandLine);
            assertFalse(commandLine.contains(USER + ":"), commandLine);
            assertTrue(commandLine.contains("--config\n-\n"), commandLine);
            assertEquals("user = \"admin:se\\\"cr\\\\et with spaces: and ünïcode\"\nuser-agent = \"ami-config/1\"\n",
                    Files.readString(dir.resolve("record.stdin")), "curl's configuration on standard input");
        }
    }

    @Test
    void realCurlSendsTheSecretIntactAndTheFileUnchanged() throws Exception {
        SystemTools.require(REQUIRED, "bin/ami-config with curl", "curl");
        List<String> seen = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ami/api/config/", exchange -> answer(exchange, seen));
        server.start();
        try {
            Map<String, String> env = Map.of("PATH", System.getenv("PATH"),
                    "AMI_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/ami/api");
            Result export = run(env, List.of("export", "manager.conf"));
            assertEquals(0, export.exitCode(), export.output());
            assertEquals("exported\n", export.output());

            String text = "[admin]\nsecret = a \"quoted\" value\n";
            Path conf = Files.writeString(dir.resolve("manager.conf"), text);
            Result dryRun = run(env, List.of("import", "manager.conf", conf.toString(), "--dry-run"));
            assertEquals(0, dryRun.exitCode(), dryRun.output());
        } finally {
            server.stop(0);
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("GET /ami/api/config/manager.conf " + basic + " ",
                "POST /ami/api/config/manager.conf?dryRun=true " + basic + " [admin]\nsecret = a \"quoted\" value\n"),
                seen);
    }

    private static void answer(HttpExchange exchange, List<String> seen) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
        byte[] answer = (exchange.getRequestMethod().equals("GET") ? "exported\n" : "{}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(Map<String, String> env, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("AMI_USER", USER);
        builder.environment().put("AMI_SECRET", SECRET);
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), output);
    }
}
