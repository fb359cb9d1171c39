package dev.ami.persistence.bridge;

import dev.ami.api.connector.ConnectorLink;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Holds the running connector's link, which the adapter hands over each time it starts listening. */
@ApplicationScoped
public class ConnectorLinks {

    // read without the lock (events and logins ask for it); written under it, with missed
    private volatile ConnectorLink current;

    /** A committed change found no link to tell: the connector may have read the store before it. */
    private boolean missed;
    /** The link handed over last, kept back until a missed change is in force in it. */
    private ConnectorLink arriving;

    /**
     * Keeps the connector's link. The adapter reads the configuration, then hands over the link: a
     * change committed in between was seen by nobody, so the connector re-reads the store then, and
     * the link is given out only once that re-read is in force (until then the store answers, as
     * while no connector runs): a login checked against the stale snapshot would find an account
     * just created missing.
     *
     * @param link the connector's side, from {@code ConfigurationSource.connectorReady}
     */
    public synchronized void connected(ConnectorLink link) {
        arriving = link;
        if (!missed) {
            current = link;
            return;
        }
        missed = false;
        link.reloadApplied().whenComplete((done, failure) -> reloaded(link));
    }

    private synchronized void reloaded(ConnectorLink link) {
        if (arriving == link) {
            connected(link); // a change missed meanwhile is read again first
        }
    }

    /**
     * Tells the running connector that the stored configuration changed (it re-reads it, as on Reload);
     * without one, remembers it for the next link handed over.
     *
     * @return true if a connector was told
     */
    public synchronized boolean changed() {
        if (current == null) {
            missed = true;
            return false;
        }
        current.reload();
        return true;
    }

    /** @return the running connector's link, if it runs */
    public Optional<ConnectorLink> ifConnected() {
        return Optional.ofNullable(current);
    }

    /**
     * @return the running connector's link
     * @throws IllegalStateException while the connector has not started listening
     */
    public ConnectorLink current() {
        ConnectorLink link = current;
        if (link == null) {
            throw new IllegalStateException("the AMI connector has not started yet");
        }
        return link;
    }
}
