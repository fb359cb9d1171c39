package dev.ami.api.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds responses in Asterisk's standard layout: {@code Response}, then {@code ActionID} (only
 * when the request carried a non-empty one), then {@code Message}, then any further headers.
 *
 * <pre>{@code
 * ManagerMessage pong = ManagerResponse.success(action)
 *         .header("Ping", "Pong")
 *         .header("Timestamp", "1795836836.849568")
 *         .build();
 * }</pre>
 */
public final class ManagerResponse {

    private final List<Header> headers = new ArrayList<>();

    private ManagerResponse(String response, ManagerAction request) {
        headers.add(new Header("Response", response));
        request.actionId().ifPresent(id -> headers.add(new Header("ActionID", id)));
    }

    /** @param request the request being answered @return a builder for {@code Response: Success} */
    public static ManagerResponse success(ManagerAction request) {
        return new ManagerResponse("Success", request);
    }

    /** @param request the request being answered @return a builder for {@code Response: Error} */
    public static ManagerResponse error(ManagerAction request) {
        return new ManagerResponse("Error", request);
    }

    /** @param request the request being answered @return a builder for {@code Response: Goodbye} */
    public static ManagerResponse goodbye(ManagerAction request) {
        return new ManagerResponse("Goodbye", request);
    }

    /**
     * Adds the {@code Message} header.
     *
     * @param text the message text, verbatim
     * @return this builder
     */
    public ManagerResponse message(String text) {
        return header("Message", text);
    }

    /**
     * Adds a header after those already added.
     *
     * @param name  header name
     * @param value header value
     * @return this builder
     */
    public ManagerResponse header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /** @return the finished message */
    public ManagerMessage build() {
        return new ManagerMessage(headers);
    }
}
