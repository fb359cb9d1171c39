package dev.ami.persistence.observe;

import dev.ami.health.AmiReadinessCheck;
import dev.ami.persistence.bridge.ConnectorLinks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.Readiness;

/**
 * Attaches ami's readiness ({@link ReadinessCheck}: the connector's listener, the database) to the
 * check MicroProfile Health finds in the EAR's library, and detaches it when the application
 * stops. A startup EJB, as {@link AmiMetrics}, so that it does not depend on which module's CDI
 * WildFly's health extension searches. Without the health subsystem nothing asks the check.
 */
@Singleton
@Startup
public class AmiReadiness {

    /** The database query's timeout, and how long a health request waits for its answer. */
    static final Duration DATABASE_WAIT = Duration.ofSeconds(2);

    @Inject
    @Readiness // its qualifier, the one MicroProfile Health looks for
    AmiReadinessCheck check;

    @Inject
    ConnectorLinks links;

    @Resource(lookup = "java:jboss/datasources/AmiDS")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService queries;
    private ReadinessCheck readiness;

    @PostConstruct
    void attach() {
        // one thread: a query that hangs is waited for again by the next request, not joined by a second one
        queries = Executors.newSingleThreadExecutor(threads);
        DatabaseProbe database = new DatabaseProbe(DatabaseProbe.select1(dataSource, DATABASE_WAIT), queries, DATABASE_WAIT);
        readiness = new ReadinessCheck(links::ifConnected, database::ask);
        check.attach(readiness);
    }

    @PreDestroy
    void detach() {
        check.detach(readiness);
        queries.shutdownNow();
    }
}
