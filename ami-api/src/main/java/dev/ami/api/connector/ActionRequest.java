package dev.ami.api.connector;

import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerAction;

/**
 * A request for an application action, with who asks.
 *
 * @param action   the request as the client sent it
 * @param username the logged-in account
 * @param write    the account's write classes (an action may show more to some, as GetConfig
 *                 shows secrets only to {@code config} writers)
 */
public record ActionRequest(ManagerAction action, String username, Authority write) {
}
