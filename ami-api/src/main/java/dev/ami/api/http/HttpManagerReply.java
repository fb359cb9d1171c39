package dev.ami.api.http;

import dev.ami.api.message.Header;
import java.util.List;
import java.util.Objects;

/**
 * The connector's answer to an {@link HttpManagerRequest}: what the web side writes back. The
 * headers are those Asterisk's manager adds (main/manager.c, generic_http_callback), in its order;
 * the web server adds its own ({@code Server}, {@code Date}, {@code Content-Length}).
 *
 * @param status  the HTTP status (AMI errors are 200 with an error body, as in Asterisk)
 * @param reason  the status text ({@code OK}, {@code Not Found}, ...)
 * @param headers the headers to add, in order
 * @param body    the body, ISO-8859-1 bytes as AMI writes them
 */
public record HttpManagerReply(int status, String reason, List<Header> headers, byte[] body) {

    /** Checks that nothing is null and copies the header list. */
    public HttpManagerReply {
        Objects.requireNonNull(reason, "reason");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
