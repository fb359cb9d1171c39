package dev.ami.server.event;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.session.AmiSession;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The security events Asterisk raises for AMI (class {@code security}, service {@code AMI}), with
 * their headers in Asterisk's order.
 */
public final class SecurityEvents {

    /** The class of every security event. */
    public static final Authority CLASS = Authority.of(AuthorityClass.SECURITY);

    private SecurityEvents() {
    }

    /**
     * A login was accepted.
     *
     * @param session the session that logged in
     * @param now     the event time
     * @return the {@code SuccessfulAuth} event
     */
    public static ManagerMessage successfulAuth(AmiSession session, Instant now) {
        List<Header> h = start("SuccessfulAuth", "Informational", now);
        h.add(new Header("AccountID", session.account().username()));
        addSession(h, session);
        // Asterisk reports 0 here for both plaintext and MD5 logins.
        h.add(new Header("UsingPassword", "0"));
        h.add(new Header("SessionTV", AmiTime.eventTv(session.loggedInAt())));
        return new ManagerMessage(h);
    }

    /**
     * A request had no action, or an unknown one.
     *
     * @param session     the session that sent it
     * @param requestType {@code Action: <name>}, or {@code Action: NONE}
     * @param now         the event time
     * @return the {@code RequestBadFormat} event
     */
    public static ManagerMessage requestBadFormat(AmiSession session, String requestType, Instant now) {
        List<Header> h = start("RequestBadFormat", "Error", now);
        addSession(h, session);
        h.add(new Header("RequestType", requestType));
        h.add(new Header("SessionTV", AmiTime.eventTv(session.loggedInAt())));
        h.add(new Header("AccountID", session.isAuthenticated() ? session.account().username() : ""));
        return new ManagerMessage(h);
    }

    /**
     * A Login or Challenge was refused because the account is already logged in and may hold only
     * one session. Asterisk leaves the account and session time unset here.
     *
     * @param session the refused session
     * @param now     the event time
     * @return the {@code SessionLimit} event
     */
    public static ManagerMessage sessionLimit(AmiSession session, Instant now) {
        List<Header> h = start("SessionLimit", "Error", now);
        h.add(new Header("AccountID", ""));
        addSession(h, session);
        h.add(new Header("SessionTV", AmiTime.eventTv(session.loggedInAt())));
        return new ManagerMessage(h);
    }

    private static List<Header> start(String name, String severity, Instant now) {
        List<Header> h = new ArrayList<>();
        h.add(new Header("Event", name));
        h.add(new Header("Privilege", CLASS.privilege()));
        h.add(new Header("EventTV", AmiTime.eventTv(now)));
        h.add(new Header("Severity", severity));
        h.add(new Header("Service", "AMI"));
        h.add(new Header("EventVersion", "1"));
        return h;
    }

    private static void addSession(List<Header> h, AmiSession session) {
        h.add(new Header("SessionID", session.id()));
        h.add(new Header("LocalAddress", address(session.localAddress(), session.transport())));
        h.add(new Header("RemoteAddress", address(session.remoteAddress(), session.transport())));
    }

    /** Asterisk's form {@code IPV4/TCP/127.0.0.1/5038}. */
    static String address(InetSocketAddress address, String transport) {
        String family = address.getAddress() instanceof Inet4Address ? "IPV4" : "IPV6";
        return family + "/" + transport + "/" + address.getAddress().getHostAddress() + "/" + address.getPort();
    }
}
