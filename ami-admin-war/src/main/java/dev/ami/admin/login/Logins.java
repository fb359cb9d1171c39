package dev.ami.admin.login;

import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.api.login.LoginThrottle;
import dev.ami.persistence.bridge.ConnectorLinks;
import dev.ami.persistence.store.ConfigurationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * {@link HttpLogin} as the running server has it: the accounts of the connector's snapshot while it
 * runs, as AMI logins see them (logins go on while the database is away), the store's otherwise;
 * the connector's throttle, shared with AMI, or one of this application's own while no connector
 * runs. Events go out through the connector.
 */
@ApplicationScoped
public class Logins {

    @Inject
    ConfigurationStore store;

    @Inject
    ConnectorLinks links;

    /** Counts failures while no connector runs. */
    private final LoginThrottle standalone = new LoginThrottle(LockoutPolicy.DEFAULTS);

    /** @return the login rules over the accounts as they are now */
    public HttpLogin login() {
        LoginThrottle throttle = links.ifConnected().map(ConnectorLink::logins).orElse(standalone);
        return new HttpLogin(name -> links.ifConnected().map(ConnectorLink::configuration)
                .orElseGet(store::currentConfiguration).account(name), throttle);
    }

    /** @param event a security event, published to AMI sessions while a connector runs */
    public void publish(ManagerEvent event) {
        links.ifConnected().ifPresent(link -> link.publish(event));
    }

    /**
     * @param request a request
     * @return what a login is decided on
     */
    public static LoginRequest request(HttpServletRequest request) {
        return new LoginRequest(request.getHeader("Authorization"), request.getMethod(), request.getRequestURI(),
                socket(request.getLocalAddr(), request.getLocalPort()),
                socket(request.getRemoteAddr(), request.getRemotePort()), request.isSecure());
    }

    /** The container gives numeric addresses (IPv6 possibly in brackets); reading one looks nothing up. */
    static InetSocketAddress socket(String address, int port) {
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
