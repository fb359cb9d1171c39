package dev.ami.api.action;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerAction;
import java.util.Objects;

/**
 * A request for an action, with who asks: what a {@link ManagerActionHandler} receives. The server
 * has already checked the account's write classes against the action's ({@link AmiAction#write()});
 * the handler may look at them again to show more to some accounts, as GetConfig shows secrets only
 * to accounts with {@code config} write.
 *
 * @param action   the request as the client sent it (build answers with
 *                 {@link dev.ami.api.message.ManagerResponse#success(ManagerAction)} so that they
 *                 carry its ActionID)
 * @param username      the logged-in account that sent it
 * @param write         that account's write classes
 * @param remoteAddress the client's address (no port), or empty where unknown
 */
public record ActionRequest(ManagerAction action, String username, Authority write, String remoteAddress) {

    public ActionRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /**
     * A request whose client's address is not known.
     *
     * @param action   the request
     * @param username the account that sent it
     * @param write    that account's write classes
     */
    public ActionRequest(ManagerAction action, String username, Authority write) {
        this(action, username, write, "");
    }
}
