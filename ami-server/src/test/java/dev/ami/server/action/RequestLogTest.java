package dev.ami.server.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.message.ManagerResponse;
import dev.ami.server.action.application.ApplicationActionHandler;
import dev.ami.server.testing.LogCapture;
import dev.ami.server.testing.TestConnector;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With {@code debug = yes} every request is logged: never a secret, never a long or odd line as received. */
class RequestLogTest {

    private final TestConnector connector =
            new TestConnector(TestConnector.GENERAL.toBuilder().debug(true).build(), TestConnector.ACCOUNTS);
    private final LogCapture log = LogCapture.of(ActionDispatcher.class);

    @AfterEach
    void stop() {
        log.close();
    }

    private String logged() {
        return String.join("\n", log.messages());
    }

    @Test
    void secretsAndKeysAreRedactedWhateverTheirCase() {
        connector.login("admin", "s3cret").read();
        connector.connect().exchange("Action: Login\r\nUsername: admin\r\nAuthType: MD5\r\nkey: 0123abcd\r\n\r\n");
        assertFalse(logged().contains("s3cret"), logged());
        assertFalse(logged().contains("0123abcd"), logged());
        assertTrue(logged().contains("Action: Login | Username: admin | Secret: <redacted> | "), logged());
    }

    @Test
    void theHeadersAnActionDeclaresSensitiveAreRedacted() {
        connector.actions.register(new AbstractAction("Vault", "Keeps things.") {
            @Override
            public List<String> sensitiveHeaders() {
                return List.of("Value-*", "Token");
            }

            @Override
            public void handle(ActionCall call) {
                call.reply(call.success().build());
            }
        });
        var c = connector.login("admin", "s3cret");
        c.read();
        c.exchange("Action: Vault\r\nVar-000000: secret\r\nValue-000000: hunter2\r\nvalue-000001: swordfish\r\n"
                + "TOKEN: abc123\r\nOther: kept\r\n\r\n");
        String text = logged();
        assertFalse(text.contains("hunter2") || text.contains("swordfish") || text.contains("abc123"), text);
        assertTrue(text.contains("Var-000000: secret | Value-000000: <redacted> | value-000001: <redacted> | "
                + "TOKEN: <redacted> | Other: kept"), text);
    }

    @Test
    void anApplicationActionsSensitiveHeadersAreRedactedAsUpdateConfigsValuesAre() {
        connector.actions.register(new ApplicationActionHandler(new ApplicationAction("UpdateConfig",
                Authority.of(AuthorityClass.CONFIG), "Update basic configuration.", List.of("Value-*"),
                request -> CompletableFuture.completedFuture(List.of(ManagerResponse.success(request.action()).build())))));
        var c = connector.login("admin", "s3cret");
        c.read();
        c.exchange("Action: UpdateConfig\r\nSrcFilename: manager.conf\r\nAction-000000: Update\r\nCat-000000: admin\r\n"
                + "Var-000000: secret\r\nValue-000000: n3w-s3cret\r\n\r\n");
        String text = logged();
        assertFalse(text.contains("n3w-s3cret"), text);
        assertTrue(text.contains("Var-000000: secret | Value-000000: <redacted> | "), text);
    }

    @Test
    void aLongLineIsCutAndSaysHowLongItWas() {
        var c = connector.login("admin", "s3cret");
        c.read();
        String long1000 = "x".repeat(1000);
        c.exchange("Action: Ping\r\nNote: " + long1000 + "\r\n\r\n");
        String text = logged();
        assertFalse(text.contains("x".repeat(RequestLog.MAX_LINE + 1)), text);
        assertTrue(text.contains("… (1006 characters)"), text);
    }

    @Test
    void controlCharactersAreEscaped() {
        var c = connector.login("admin", "s3cret");
        c.read();
        c.exchange("Action: Ping\r\nNote: red\u001b[31m\u0007bell\r\n\r\n");
        String text = logged();
        assertFalse(text.contains("\u001b") || text.contains("\u0007"), text);
        assertTrue(text.contains("Note: red\\x1b[31m\\x07bell"), text);
    }

    @Test
    void nothingIsLoggedWithoutDebug() {
        try (LogCapture quiet = LogCapture.of(ActionDispatcher.class)) {
            new TestConnector().login("admin", "s3cret").read();
            assertEquals(List.of(), quiet.messages());
        }
    }
}
