package dev.ami.persistence.bridge;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Other modules of the EAR that act on the stored configuration (the HTTP manager's listener in
 * ami-http-war) are told of each committed import here: CDI events fired in this EJB module do not
 * reach observers in the EAR's web modules, while this application-scoped bean is one for all.
 */
@ApplicationScoped
public class StoreWatchers {

    private static final Logger LOG = Logger.getLogger(StoreWatchers.class.getName());

    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();

    /**
     * @param onChange called after each committed import, on the importing thread; must not block
     * @return closes the watch
     */
    public AutoCloseable watch(Runnable onChange) {
        watchers.add(onChange);
        return () -> watchers.remove(onChange);
    }

    /** Tells every watcher that the stored configuration changed. */
    void changed() {
        for (Runnable watcher : watchers) {
            try {
                watcher.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A watcher of the stored configuration failed", e);
            }
        }
    }
}
