package dev.ami.it.shop;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.action.EventListResponse;
import dev.ami.api.action.ManagerActionHandler;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A list-style application action over what the observers saw. */
@ApplicationScoped
@AmiAction(name = "ParcelList", write = AuthorityClass.REPORTING, synopsis = "List routed events the shop saw")
public class ParcelListAction implements ManagerActionHandler {

    @Inject
    ParcelLog log;

    @Override
    public List<ManagerMessage> handle(ActionRequest request) {
        EventListResponse list = EventListResponse.start(request.action(), "Parcels will follow");
        log.userEvents().forEach(p -> list.item("ParcelEntry", List.of(new Header("Seen", p))));
        log.securityEvents().forEach(p -> list.item("SecurityEntry", List.of(new Header("Seen", p))));
        return list.complete("ParcelListComplete");
    }
}
