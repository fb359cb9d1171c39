package dev.ami.server.event;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import dev.ami.server.net.Addresses;
import dev.ami.server.session.AmiSession;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The security events Asterisk raises for AMI (class {@code security}, service {@code AMI}), with
 * their headers in Asterisk's order: the required fields of each event, then the optional ones that
 * the manager fills in. {@code SessionTV} is the session's login time, the epoch before login;
 * {@code AccountID} is the name as the client typed it.
 */
public final class SecurityEvents {

    /** The class of every security event. */
    public static final Authority CLASS = Authority.of(AuthorityClass.SECURITY);

    private static final String ERROR = "Error";

    private SecurityEvents() {
    }

    /** A login was accepted. */
    public static ManagerMessage successfulAuth(AmiSession session, Instant now) {
        List<Header> h = common("SuccessfulAuth", "Informational", 1, session.loginName(), session, now);
        // Asterisk reports 0 here for both plaintext and MD5 logins.
        h.add(new Header("UsingPassword", "0"));
        return end(h, session);
    }

    /** A Login named an account that does not exist. */
    public static ManagerMessage invalidAccountId(AmiSession session, String username, Instant now) {
        return end(common("InvalidAccountID", ERROR, 1, username, session, now), session);
    }

    /** A Login came from an address the account's permit/deny rules refuse. */
    public static ManagerMessage failedAcl(AmiSession session, String username, Instant now) {
        return end(common("FailedACL", ERROR, 1, username, session, now), session);
    }

    /** A plaintext Login gave the wrong secret. */
    public static ManagerMessage invalidPassword(AmiSession session, String username, Instant now) {
        return end(common("InvalidPassword", ERROR, 2, username, session, now), session);
    }

    /**
     * An MD5 Login gave the wrong key. Asterisk names the session's (still empty) account, and
     * reports the challenge, the key received and the key expected.
     */
    public static ManagerMessage challengeResponseFailed(AmiSession session, String response, String expected,
            Instant now) {
        List<Header> h = common("ChallengeResponseFailed", ERROR, 1, session.loginName(), session, now);
        h.add(new Header("Challenge", session.issuedChallenge() == null ? "" : session.issuedChallenge()));
        h.add(new Header("Response", response));
        h.add(new Header("ExpectedResponse", expected));
        return end(h, session);
    }

    /** A logged-in session asked for an action its account may not run. */
    public static ManagerMessage requestNotAllowed(AmiSession session, String action, Instant now) {
        List<Header> h = common("RequestNotAllowed", ERROR, 1, session.loginName(), session, now);
        h.add(new Header("RequestType", requestType("Action: " + action)));
        return end(h, session);
    }

    /** A Login or Challenge was refused because the account may hold only one session. */
    public static ManagerMessage sessionLimit(AmiSession session, Instant now) {
        return end(common("SessionLimit", ERROR, 1, session.loginName(), session, now), session);
    }

    /**
     * A request had no action, or an unknown one. Here AccountID is optional and comes last.
     *
     * @param requestType {@code Action: <name>}, or {@code Action: NONE}
     */
    public static ManagerMessage requestBadFormat(AmiSession session, String requestType, Instant now) {
        List<Header> h = start("RequestBadFormat", ERROR, 1, now);
        addSession(h, session);
        h.add(new Header("RequestType", requestType(requestType)));
        h.add(new Header("SessionTV", AmiTime.eventTv(session.loggedInAt())));
        h.add(new Header("AccountID", session.loginName()));
        return new ManagerMessage(h);
    }

    /** Asterisk formats the request type into a 64-byte buffer: at most 63 characters survive. */
    private static String requestType(String text) {
        return text.length() > 63 ? text.substring(0, 63) : text;
    }

    private static List<Header> common(String name, String severity, int version, String accountId,
            AmiSession session, Instant now) {
        List<Header> h = start(name, severity, version, now);
        h.add(new Header("AccountID", accountId));
        addSession(h, session);
        return h;
    }

    private static ManagerMessage end(List<Header> h, AmiSession session) {
        h.add(new Header("SessionTV", AmiTime.eventTv(session.loggedInAt())));
        return new ManagerMessage(h);
    }

    private static List<Header> start(String name, String severity, int version, Instant now) {
        List<Header> h = new ArrayList<>();
        h.add(new Header("Event", name));
        h.add(new Header("Privilege", CLASS.privilege()));
        h.add(new Header("EventTV", AmiTime.eventTv(now)));
        h.add(new Header("Severity", severity));
        h.add(new Header("Service", "AMI"));
        h.add(new Header("EventVersion", Integer.toString(version)));
        return h;
    }

    private static void addSession(List<Header> h, AmiSession session) {
        h.add(new Header("SessionID", session.id()));
        boolean v6Listener = session.onIpv6Listener();
        h.add(new Header("LocalAddress", address(session.localAddress(), session.transport(), v6Listener)));
        h.add(new Header("RemoteAddress", address(session.remoteAddress(), session.transport(), v6Listener)));
    }

    /**
     * Asterisk's form {@code IPV4/TCP/127.0.0.1/5038}. On an IPv6 listener (bindaddr {@code ::})
     * an IPv4 client arrives IPv4-mapped: Asterisk names the family IPV6 and prints the address as
     * IPv4 ({@code IPV6/TCP/127.0.0.1/5038}); Java has already unmapped the address.
     */
    static String address(InetSocketAddress address, String transport, boolean ipv6Listener) {
        String family = address.getAddress() instanceof Inet4Address && !ipv6Listener ? "IPV4" : "IPV6";
        return family + "/" + transport + "/" + Addresses.text(address.getAddress()) + "/" + address.getPort();
    }
}
