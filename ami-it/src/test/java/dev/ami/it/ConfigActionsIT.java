package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static dev.ami.it.Wire.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GetConfig, ListCategories and UpdateConfig over TCP on the stored manager.conf (main/manager.c,
 * action_getconfig, action_listcategories, action_updateconfig; the answers as recorded from
 * Asterisk 22.10.1): secrets only for config writers; an account added by UpdateConfig logs in at
 * once and a removed one cannot; no answer tells whether a file outside the stored ones exists, and
 * nothing UpdateConfig writes becomes a directive.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfigActionsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @Test
    void s15_getConfigShowsSecretsOnlyToConfigWriters() throws IOException {
        try (AmiTestClient limited = AmiTestClient.login(AmiEar.PORT, "limited", "pw2", "off");
             AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            // the category as written in src/test/conf/manager.conf, the secret masked for a non-config writer
            exchange(limited, "Action: GetConfig\nFilename: manager.conf\nCategory: limited\nActionID: c3\n\n", """
                    Response: Success
                    ActionID: c3
                    Category-000000: limited
                    Line-000000-000000: secret=********
                    Line-000000-000001: read=system,call
                    Line-000000-000002: write=system

                    """);
            exchange(admin, "Action: GetConfig\nFilename: manager.conf\nCategory: filtered\nActionID: c3\n\n", """
                    Response: Success
                    ActionID: c3
                    Category-000000: filtered
                    Line-000000-000000: secret=pw3
                    Line-000000-000001: read=all
                    Line-000000-000002: write=all
                    Line-000000-000003: eventfilter=Event: UserEvent
                    Line-000000-000004: eventfilter(action(exclude),header(UserEvent),method(exact))=Blocked

                    """);
            // more "../" than any checkout is deep: the real path is /etc/passwd wherever the test runs
            exchange(limited, "Action: GetConfig\nFilename: " + "../".repeat(40) + "etc/passwd\n\n",
                    "Response: Error\nMessage: File requires escalated privileges\n\n");
            exchange(limited, "Action: ListCategories\nFilename: manager.conf\n\n",
                    "Response: Error\nMessage: Permission denied\n\n");
            exchange(admin, "Action: GetConfig\nFilename: http.conf\n\n", """
                    Response: Success
                    Category-000000: general
                    Line-000000-000000: enabled=yes
                    Line-000000-000001: bindaddr=127.0.0.1
                    Line-000000-000002: bindport=18088
                    Line-000000-000003: tlsenable=yes
                    Line-000000-000004: tlsbindaddr=127.0.0.1:18089
                    Line-000000-000005: tlscertfile=keys/ami-cert.pem
                    Line-000000-000006: tlsprivatekey=keys/ami-key.pem

                    """);
            admin.send(crlf("Action: ListCategories\nFilename: manager.conf\n\n"));
            assertTrue(admin.readMessage()
                    .startsWith("Response: Success\r\nCategory-000000: general\r\nCategory-000001: admin\r\n"));
        }
    }

    @Test
    void anAccountAddedByUpdateConfigLogsInAtOnceAndARemovedOneCannot() throws Exception {
        try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            exchange(admin, """
                    Action: UpdateConfig
                    SrcFilename: manager.conf
                    DstFilename: manager.conf
                    Reload: manager
                    ActionID: u1
                    Action-000000: NewCat
                    Cat-000000: viaupdate
                    Action-000001: Append
                    Cat-000001: viaupdate
                    Var-000001: secret
                    Value-000001: upd4te
                    Action-000002: Append
                    Cat-000002: viaupdate
                    Var-000002: read
                    Value-000002: all

                    """, "Response: Success\nActionID: u1\n\n");
            assertTrue(Wire.eventually(() -> AmiTestClient.logsIn(AmiEar.PORT, "viaupdate", "upd4te")),
                    "the new account cannot log in");

            // a bad line refuses the whole update and changes nothing
            exchange(admin, """
                    Action: UpdateConfig
                    SrcFilename: manager.conf
                    DstFilename: manager.conf
                    Action-000000: Append
                    Cat-000000: viaupdate
                    Var-000000: permit
                    Value-000000: not-an-address

                    """, "Response: Error\nMessage: Save of config failed\n\n");
            assertTrue(AmiTestClient.logsIn(AmiEar.PORT, "viaupdate", "upd4te"));

            exchange(admin, """
                    Action: UpdateConfig
                    SrcFilename: manager.conf
                    DstFilename: manager.conf
                    Action-000000: DelCat
                    Cat-000000: viaupdate

                    """, "Response: Success\n\n");
            assertTrue(Wire.eventually(() -> !AmiTestClient.logsIn(AmiEar.PORT, "viaupdate", "upd4te")),
                    "the removed account still logs in");
        }
    }

    @Test
    void theConfigurationActionsAreListedAsAsteriskListsThem() throws IOException {
        try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            admin.send(crlf("Action: ListCommands\n\n"));
            String list = admin.readMessage();
            for (String line : new String[] {
                    "CreateConfig: Creates an empty file in the configuration directory.  (Priv: config,all)",
                    "GetConfig: Retrieve configuration.  (Priv: system,config,all)",
                    "GetConfigJSON: Retrieve configuration (JSON format).  (Priv: system,config,all)",
                    "ListCategories: List categories in configuration file.  (Priv: config,all)",
                    "UpdateConfig: Update basic configuration.  (Priv: config,all)"}) {
                assertTrue(list.contains("\r\n" + line + "\r\n"), line + " in " + list);
            }
        }
    }

    @Test
    void whetherAFileExistsOutsideTheStoredOnesShowsInNoAnswer() throws IOException {
        try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            String up = "../".repeat(40);
            for (String action : new String[] {"GetConfig", "GetConfigJSON", "ListCategories", "CreateConfig"}) {
                // a file outside that exists and one that does not; one in the folder that is not stored and one absent
                assertEquals(answer(admin, action, up + "etc/no-such-file"), answer(admin, action, up + "etc/passwd"), action);
                assertEquals(answer(admin, action, "keys/no-such.pem"), answer(admin, action, "keys/ami-cert.pem"), action);
            }
        }
    }

    private static String answer(AmiTestClient client, String action, String filename) throws IOException {
        client.send(crlf("Action: " + action + "\nFilename: " + filename + "\n\n"));
        return client.readMessage();
    }

    @Test
    void updateConfigRefusesTextThatWouldReadBackAsADirectiveAndChangesNothing() throws Exception {
        try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            String before = answer(admin, "GetConfig", "manager.conf");
            for (String edit : new String[] {"Action-000000: Append\nCat-000000: admin\nVar-000000: #include /etc/passwd",
                    "Action-000000: Append\nCat-000000: admin\nVar-000000: [evil]\nValue-000000: 1",
                    "Action-000000: NewCat\nCat-000000: x];comment",
                    "Action-000000: Update\nCat-000000: admin\nVar-000000: read\nValue-000000: all\r[evil]"}) {
                exchange(admin, "Action: UpdateConfig\nSrcFilename: manager.conf\nDstFilename: manager.conf\n" + edit
                        + "\n\n", "Response: Error\nMessage: Update did not complete successfully\n\n");
            }
            assertEquals(before, answer(admin, "GetConfig", "manager.conf"));
        }
    }
}
