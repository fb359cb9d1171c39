package dev.ami.persistence.bridge;

import dev.ami.api.connector.SessionStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The live AMI sessions and their delivery figures (events queued, delivered, dropped, pending,
 * largest lag), for administration.
 */
@ApplicationScoped
public class AmiSessions {

    @Inject
    ConnectorLinks links;

    /**
     * @return one entry per live session
     * @throws IllegalStateException while the connector has not started yet
     */
    public List<SessionStatistics> list() {
        return links.current().sessions();
    }
}
