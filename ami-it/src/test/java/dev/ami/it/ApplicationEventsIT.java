package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static dev.ami.it.Wire.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.bridge.AmiBridgeExtension;
import dev.ami.it.shop.ShipOrderAction;
import jakarta.enterprise.inject.spi.Extension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A separate application deployed next to ami.ear, with its own copy of ami-api, adds AMI actions
 * and fires manager events with plain CDI; its observers receive the events the server routes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApplicationEventsIT {

    private static final String SHOP = "shop";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "ami", order = 1, testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    /** The application: its classes and ami-api as a library of its own, deployed by the test. */
    @Deployment(name = SHOP, order = 2, testable = false, managed = false)
    static WebArchive shop() {
        JavaArchive api = ShrinkWrap.create(JavaArchive.class, "ami-api.jar")
                .addPackages(true, "dev.ami.api")
                .addAsServiceProvider(Extension.class, AmiBridgeExtension.class);
        return ShrinkWrap.create(WebArchive.class, "shop.war")
                .addPackage(ShipOrderAction.class.getPackage())
                .addAsLibrary(api);
    }

    @Test
    void anApplicationAddsActionsFiresEventsAndObservesRoutedOnes() throws Exception {
        deployer.deploy(SHOP);
        try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off");
             AmiTestClient listener = AmiTestClient.login(AmiEar.PORT, "limited-user", "pw3", "user")) {
            awaitAction(admin, "ShipOrder");

            // ListCommands names it with its synopsis and class
            admin.send(crlf("Action: ListCommands\n\n"));
            String commands = admin.readMessage();
            assertTrue(commands.contains("ShipOrder: Ship an order and announce it  (Priv: user,all)\r\n"), commands);

            // an HTTP manager session waits in a WaitEvent long poll for what the application fires
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:18088/rawman?action=";
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base
                    + "login&username=limited-user&secret=pw3")).build(), HttpResponse.BodyHandlers.ofString());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            http.send(HttpRequest.newBuilder(URI.create(base + "waitevent&timeout=0")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> poll = http.sendAsync(HttpRequest.newBuilder(URI.create(base
                    + "waitevent&timeout=30")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());

            // the action answers; its events reach a session with user read, fire's in order
            exchange(admin, "Action: ShipOrder\nOrder: 4711\nActionID: s1\n\n",
                    // the handler knows who asks: the account crosses from the server to the application
                    "Response: Success\nActionID: s1\nMessage: Order 4711 shipped by admin\n\n");
            Set<String> events = new HashSet<>();
            StringBuilder shipped = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                String e = listener.readMessage();
                events.add(e.substring(0, e.indexOf("\r\n")));
                if (e.startsWith("Event: OrderShipped")) {
                    shipped.append(e);
                }
            }
            assertEquals(Set.of("Event: OrderShipped", "Event: OrderBilled"), events);
            String waited = poll.get(20, TimeUnit.SECONDS).body();
            assertTrue(waited.contains(crlf("Event: OrderShipped\nPrivilege: user,all\nOrder: 4711\nParcel: 1\n\n")), waited);
            assertEquals(crlf("Event: OrderShipped\nPrivilege: user,all\nOrder: 4711\nParcel: 1\n\n"
                    + "Event: OrderShipped\nPrivilege: user,all\nOrder: 4711\nParcel: 2\n\n"
                    + "Event: OrderShipped\nPrivilege: user,all\nOrder: 4711\nParcel: 3\n\n"), shipped.toString());

            // the server checks the write classes before the application is called
            try (AmiTestClient limited = AmiTestClient.login(AmiEar.PORT, "limited", "pw2", "off")) {
                exchange(limited, "Action: ShipOrder\nOrder: 1\n\n", "Response: Error\nMessage: Permission denied\n\n");
            }

            // in-server observers see routed events: a UserEvent from a TCP client, security events
            exchange(admin, "Action: UserEvent\nUserEvent: Parcel\nWeight: 3\n\n", "Response: Success\nMessage: Event Sent\n\n");
            String list = awaitList(admin, "Seen: Parcel/3");
            assertTrue(list.startsWith(crlf("Response: Success\nActionID: l\nEventList: start\nMessage: Parcels will follow\n\n"
                    + "Event: ParcelEntry\nActionID: l\nSeen: Parcel/3\n\n")), list);
            assertTrue(list.contains(crlf("Event: SecurityEntry\nActionID: l\nSeen: SuccessfulAuth/limited\n\n")), list);
            assertTrue(list.contains("Event: ParcelListComplete\r\nActionID: l\r\nEventList: Complete\r\nListItems: "), list);
        } finally {
            deployer.undeploy(SHOP);
        }
        // undeployed, its actions are gone
        try (AmiTestClient admin = AmiTestClient.login(AmiEar.PORT, "admin", "s3cret", "off")) {
            exchange(admin, "Action: ShipOrder\nOrder: 4711\n\n", "Response: Error\nMessage: Invalid/unknown command: "
                    + "ShipOrder. Use Action: ListCommands to show available commands.\n\n");
        }
    }

    /** The application registers once it runs, a moment after its deployment completes. */
    private static void awaitAction(AmiTestClient c, String name) throws Exception {
        for (int i = 0; i < 100; i++) {
            c.send(crlf("Action: " + name + "\nActionID: probe\n\n"));
            if (!c.readMessage().contains("Invalid/unknown command")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the application's action " + name + " never appeared");
    }

    /** Routed events reach the application's observers asynchronously. */
    private static String awaitList(AmiTestClient c, String expected) throws Exception {
        for (int i = 0; i < 100; i++) {
            c.send(crlf("Action: ParcelList\nActionID: l\n\n"));
            StringBuilder all = new StringBuilder();
            String m;
            do {
                m = c.readMessage();
                all.append(m);
            } while (!m.startsWith("Event: ParcelListComplete"));
            if (all.toString().contains(expected)) {
                return all.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the application's observer never saw " + expected);
    }
}
