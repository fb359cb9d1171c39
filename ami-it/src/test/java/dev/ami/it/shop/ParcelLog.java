package dev.ami.it.shop;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.event.EventClass;
import dev.ami.api.event.EventName;
import dev.ami.api.event.ManagerEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-server observers of routed events: by name, and by class. */
@ApplicationScoped
public class ParcelLog {

    private final List<String> userEvents = new CopyOnWriteArrayList<>();
    private final List<String> securityEvents = new CopyOnWriteArrayList<>();

    void onUserEvent(@Observes @EventName("UserEvent") ManagerEvent event) {
        userEvents.add(event.header("UserEvent").orElse("?") + "/" + event.header("Weight").orElse(""));
    }

    void onSecurity(@Observes @EventClass(AuthorityClass.SECURITY) ManagerEvent event) {
        securityEvents.add(event.name() + "/" + event.header("AccountID").orElse(""));
    }

    List<String> userEvents() {
        return userEvents;
    }

    List<String> securityEvents() {
        return securityEvents;
    }
}
