package dev.ami.api.connector;

import dev.ami.api.acl.AccessList;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One {@code type = restriction} section of http.conf: the permit/deny rules that a client must
 * pass to reach any HTTP manager URI under a path prefix. The section's name is the prefix, such
 * as {@code [/rawman]}.
 *
 * @param prefix the path prefix as written, compared with the request's path (the http.conf
 *               {@code prefix} included) without regard to ASCII case
 * @param acl    the section's permit/deny lines in order, evaluated as an account's are
 */
public record UriRestriction(String prefix, AccessList acl) {

    public UriRestriction {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(acl, "acl");
    }

    /**
     * @param path   the request's path, without its query string
     * @param client the client's address
     * @return true if this restriction covers the path and its rules refuse the client
     */
    public boolean denies(String path, InetAddress client) {
        return path.regionMatches(true, 0, prefix, 0, prefix.length()) && !acl.permits(client);
    }

    /** @return the section and its rules, e.g. {@code [/rawman] deny 0.0.0.0/0.0.0.0}, for diffs and logs */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[").append(prefix).append(']');
        acl.rules().forEach(r -> out.append(r.permit() ? " permit " : " deny ").append(r.entry()));
        return out.toString();
    }
}
