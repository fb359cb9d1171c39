package dev.ami.it.shop;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.action.ManagerActionHandler;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/** An application's own AMI action: it fires one event with fire and one with fireAsync. */
@ApplicationScoped
@AmiAction(name = "ShipOrder", write = AuthorityClass.USER, synopsis = "Ship an order and announce it")
public class ShipOrderAction implements ManagerActionHandler {

    @Inject
    Event<ManagerEvent> events;

    @Override
    public List<ManagerMessage> handle(ActionRequest call) {
        ManagerAction request = call.action();
        String order = request.get("Order");
        if (order.isEmpty()) {
            return List.of(ManagerResponse.error(request).message("Order not specified").build());
        }
        for (int i = 1; i <= 3; i++) {
            events.fire(ManagerEvent.of("OrderShipped", AuthorityClass.USER).header("Order", order)
                    .header("Parcel", Integer.toString(i)).build());
        }
        events.fireAsync(ManagerEvent.of("OrderBilled", AuthorityClass.USER).header("Order", order).build());
        return List.of(ManagerResponse.success(request).message("Order " + order + " shipped by " + call.username())
                .build());
    }
}
