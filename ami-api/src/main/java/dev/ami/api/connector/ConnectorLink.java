package dev.ami.api.connector;

import dev.ami.api.event.ManagerEvent;
import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.http.HttpManagerRequest;
import dev.ami.api.login.LoginThrottle;
import dev.ami.api.metrics.ServerCounters;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What the AMI connector offers the application side once it runs: the event router, the registry
 * of application actions, and the live sessions' statistics. The connector hands it over through
 * {@link ConfigurationSource#connectorReady}; every method is safe from any thread and never blocks
 * on a client.
 */
public interface ConnectorLink {

    /**
     * @return an id that changes each time the connector starts: a client that registered
     *         actions or subscriptions registers them again when it changes
     */
    String instanceId();

    /**
     * Routes an event to every session allowed to see it and to every subscriber, in the order
     * the calls are made.
     *
     * @param event the event
     */
    void publish(ManagerEvent event);

    /**
     * Adds an application action.
     *
     * @param action the action
     * @return closes the registration (the action disappears)
     * @throws IllegalArgumentException if an action of that name exists
     */
    AutoCloseable register(ApplicationAction action);

    /**
     * Subscribes to every routed event. The subscriber is called on the routing thread and must
     * hand the event on without blocking.
     *
     * @param label    who subscribes, for logs
     * @param consumer takes each event
     * @return closes the subscription
     */
    AutoCloseable subscribe(String label, Consumer<ManagerEvent> consumer);

    /**
     * Joins the connector to a cluster: logins with {@code allowmultiplelogin = no} count the other
     * nodes' sessions, the session list shows them, and the other nodes hear of the sessions here.
     *
     * @param nodes the other nodes; {@link OtherNodes#NONE} when alone again
     */
    void otherNodes(OtherNodes nodes);

    /**
     * Makes the connector re-read the stored configuration and apply it, as the Reload action
     * does; returns at once (the reading runs on the connector's own threads).
     */
    void reload();

    /**
     * As {@link #reload()}, and tells when the re-read configuration is in force.
     *
     * @return completes once the connector applies what it re-read (also when the re-read failed)
     */
    default CompletionStage<Void> reloadApplied() {
        reload();
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Answers a request to the HTTP manager's cookie forms ({@code /manager}, {@code /rawman},
     * {@code /mxml}): the web side hands each request over undecoded and writes back the answer.
     * The answer completes when the session is done with the request (a WaitEvent long poll later);
     * no thread waits meanwhile. A session the request makes lives on the caller's thread, and an
     * answer ready at once (most actions) is complete when this returns: a client that keeps its
     * connection is answered without a change of threads.
     *
     * @param request the request
     * @param caller  the thread the request came in on
     * @return the answer
     */
    CompletionStage<HttpManagerReply> httpManager(HttpManagerRequest request, SessionThread caller);

    /**
     * @return the failed-login counts and locks of every way into the server (AMI over TCP, TLS and
     *         HTTP, and the REST administration's login): list and clear locks here
     */
    LoginThrottle logins();

    /**
     * @return the configuration in force: the snapshot that AMI logins are checked against, which
     *         stays in force while the database cannot be reached, so other logins (the REST
     *         administration's) check against it too
     */
    ManagerConfiguration configuration();

    /** @return the running totals since the connector started, for metrics */
    ServerCounters counters();

    /**
     * @return true if the AMI listener is bound where manager.conf says, or AMI is switched off
     *         there ({@code enabled = no}): the connector does what it was told (readiness)
     */
    boolean listening();

    /**
     * Where AMI can be reached now, for readiness reports and logs.
     *
     * @return the address each bound listener accepts connections on, by transport as
     *         {@link SessionStatistics#transport()} names it: {@code TCP}, then {@code TLS} while
     *         AMI over TLS is enabled and bound; empty while no listener is bound (before the first
     *         configuration, after a failed bind, with {@code enabled = no})
     */
    Map<String, InetSocketAddress> listenerAddresses();

    /**
     * @return one entry per live AMI session, with its delivery counters: TCP, TLS and the HTTP
     *         manager's sessions (cookie and digest forms) alike
     */
    List<SessionStatistics> sessions();

    /**
     * @param id a session id, as {@link SessionStatistics#id()} gives it
     * @return that live session, if there is one
     */
    Optional<SessionStatistics> session(String id);

    /**
     * Ends a live session for the administration, without a message to its client: a TCP or TLS
     * connection is closed at once (events still queued for it are dropped and counted so); an
     * HTTP manager session is forgotten, so its cookie no longer finds it, and a WaitEvent it has
     * pending is answered as when the session expires. Returns at once; the session ends on its
     * own thread right after.
     *
     * @param id a session id, as {@link SessionStatistics#id()} gives it
     * @return the session as it was when it was told to end; empty if no live session has that id
     */
    Optional<SessionStatistics> kick(String id);

    /**
     * Ends every live session logged in with an account, as {@link #kick} ends one.
     *
     * @param username the account's name, matched without regard to case as a login matches it
     * @return the sessions told to end, as they were then; sessions not logged in are never among them
     */
    List<SessionStatistics> kickAccount(String username);

    /**
     * @return per event name, how often it was routed and how many sessions took it, counted since
     *         the connector started (the figures of each session are in {@link #sessions()})
     */
    EventStatistics eventStatistics();

    /**
     * @return how this node's session with each configured upstream stands, in the configuration's order
     */
    default List<UpstreamStatus> upstreams() {
        return List.of();
    }
}
