package dev.ami.persistence.configactions;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.ActionRequest;
import dev.ami.api.message.ManagerMessage;
import java.util.List;

/** One configuration action: its name, write classes and synopsis as Asterisk declares them, and what it does. */
interface ConfigAction {

    String name();

    Authority write();

    String synopsis();

    /**
     * @param request the request and who asks
     * @param store   the stored configuration files
     * @return the messages to send
     */
    List<ManagerMessage> handle(ActionRequest request, StoredFiles store);
}
