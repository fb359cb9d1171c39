package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ami's session with an upstream on the deployed server (issue 17): configured by upstreams.conf,
 * it logs in to a scripted Asterisk 22 with the recorded Challenge, the upstream's events reach an
 * AMI client, and when the upstream goes away the status says RETRYING with the reason until the
 * connection is back by itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpstreamConnectionIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        return AdminApi.call(method, path, "text/plain", body);
    }

    @AfterEach
    void noUpstreamLeft() throws Exception {
        assertEquals(200, call("POST", "/config/upstreams.conf", "").statusCode());
    }

    private static String awaitUpstreams(String what, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            String body = call("GET", "/v1/upstreams/pbx-conn", null).body();
            if (condition.test(body)) {
                return body;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not reached: " + body);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void connectsReportsAndReconnectsByItself() throws Exception {
        try (ScriptedAsterisk pbx = new ScriptedAsterisk("proxy", "it-secret")) {
            String conf = "[pbx-conn]\nhost = 127.0.0.1\nport = " + pbx.port()
                    + "\nusername = proxy\nsecret = it-secret\nnameevents = yes\n";
            HttpResponse<String> imported = call("POST", "/config/upstreams.conf", conf);
            assertEquals(200, imported.statusCode(), imported.body());

            String up = awaitUpstreams("CONNECTED", b -> b.contains("\"state\":\"CONNECTED\""));
            assertTrue(up.contains("\"greeting\":\"Asterisk Call Manager/11.0.0\""), up);
            assertTrue(up.contains("\"logins\":1"), up);

            try (AmiTestClient client = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "user")) {
                pbx.fire("Event: UserEvent", "Privilege: user,all", "UserEvent: FromPbx");
                assertEquals("Event: UserEvent\r\nPrivilege: user,all\r\nUpstream: pbx-conn\r\nUserEvent: FromPbx\r\n\r\n",
                        client.readMessage());
            }
            assertEquals(1, pbx.loggedIn()); // one session, whatever the clients do

            pbx.stop();
            String down = awaitUpstreams("RETRYING", b -> b.contains("\"state\":\"RETRYING\"") && !b.contains("\"failures\":0"));
            assertTrue(down.contains("\"lastError\":\"cannot connect to 127.0.0.1:" + pbx.port()), down);
            pbx.restart();
            String back = awaitUpstreams("CONNECTED again", b -> b.contains("\"state\":\"CONNECTED\""));
            assertTrue(back.contains("\"logins\":2"), back);
        }
    }
}
