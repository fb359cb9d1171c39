package dev.ami.api.http;

import dev.ami.api.message.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The connector's answer to an {@link HttpManagerRequest}: what the web side writes back. The
 * headers are those Asterisk's manager adds (main/manager.c, generic_http_callback), in its order;
 * the web server adds its own ({@code Server}, {@code Date}, {@code Content-Length}). A
 * {@code Connection: close} header among them tells the web side to close the connection once the
 * answer is written, as Asterisk does where it sends that header.
 *
 * @param status  the HTTP status (AMI errors are 200 with an error body, as in Asterisk)
 * @param reason  the status text ({@code OK}, {@code Not Found}, ...)
 * @param headers the headers to add, in order
 * @param body    the body, ISO-8859-1 bytes as AMI writes them
 */
public record HttpManagerReply(int status, String reason, List<Header> headers, byte[] body) {

    /** The header of an answer after which the connection is closed. */
    public static final Header CONNECTION_CLOSE = new Header("Connection", "close");

    /** Checks that nothing is null and copies the header list. */
    public HttpManagerReply {
        Objects.requireNonNull(reason, "reason");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** @return true if the connection is closed after this answer */
    public boolean closes() {
        return headers.stream().anyMatch(HttpManagerReply::isConnectionClose);
    }

    /** @return this answer with {@code Connection: close} first among its headers, unless it has it */
    public HttpManagerReply closing() {
        if (closes()) {
            return this;
        }
        List<Header> all = new ArrayList<>(headers.size() + 1);
        all.add(CONNECTION_CLOSE);
        all.addAll(headers);
        return new HttpManagerReply(status, reason, all, body);
    }

    /**
     * @param header a header of an answer
     * @return true if it is {@code Connection: close} (ASCII case ignored)
     */
    public static boolean isConnectionClose(Header header) {
        return "Connection".equalsIgnoreCase(header.name()) && "close".equalsIgnoreCase(header.value());
    }
}
