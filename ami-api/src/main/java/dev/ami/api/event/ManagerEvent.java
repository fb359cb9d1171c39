package dev.ami.api.event;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A manager event: what AMI sessions receive as {@code Event: <name>}, {@code Privilege: <classes>}
 * and the body headers in order.
 *
 * <p>Any application on the server publishes one with plain CDI, and the AMI server delivers it to
 * every session allowed to see it (read classes, Events mask, event filters) and to the CDI
 * observers of routed events (see {@link Routed}):
 *
 * <pre>{@code
 * @Inject Event<ManagerEvent> events;
 *
 * events.fire(ManagerEvent.of("OrderShipped", AuthorityClass.USER)
 *         .header("Order", "4711")
 *         .header("Carrier", "Tortoise Express")
 *         .build());
 * }</pre>
 *
 * <p>The server adds {@code Privilege:}, {@code Timestamp:} (timestampevents) and debug headers
 * itself; the headers given here are the body. A channel-oriented event names its
 * {@link EventChannel}, whose variables listed in manager.conf's {@code channelvars} are appended
 * as {@code ChanVariable:} headers.
 *
 * @param name    the event name, e.g. {@code UserEvent}
 * @param classes the authority classes a session must read to receive it; not empty
 * @param headers the body headers in order (names may repeat)
 * @param channel  the channel this event is about, or null
 * @param upstream the upstream AMI server the event came from (see {@code connector.Upstream}), or null for an
 *                 event raised on this server; events of an upstream stay on the node that received them
 */
public record ManagerEvent(String name, Authority classes, List<Header> headers, EventChannel channel,
        String upstream) {

    public ManagerEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(classes, "classes");
        if (name.isBlank() || !Header.isSingleLine(name)) {
            throw new IllegalArgumentException("an event name is one non-empty line: " + name);
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("event " + name + " has no authority class");
        }
        headers = List.copyOf(headers);
        headers.forEach(Header::requireSingleLine);
    }

    /**
     * An event raised on this server.
     *
     * @param name    the event name
     * @param classes its authority classes
     * @param headers the body headers in order
     * @param channel the channel it is about, or null
     */
    public ManagerEvent(String name, Authority classes, List<Header> headers, EventChannel channel) {
        this(name, classes, headers, channel, null);
    }

    /** @return the upstream this event came from, if it came from one */
    public Optional<String> upstreamOptional() {
        return Optional.ofNullable(upstream);
    }

    /**
     * Starts an event.
     *
     * @param name    the event name
     * @param classes its authority classes
     * @return a builder
     */
    public static Builder of(String name, AuthorityClass... classes) {
        return new Builder(name, Authority.of(classes));
    }

    /** @return the channel this event is about, if it is channel-oriented */
    public Optional<EventChannel> channelOptional() {
        return Optional.ofNullable(channel);
    }

    /**
     * @param header a header name, compared without regard to case
     * @return the value of the first body header with that name; a line copied verbatim from a
     *         request (UserEvent's) counts as {@code Name: value}, leading blanks of the value skipped
     */
    public Optional<String> header(String header) {
        for (Header h : headers) {
            if (!h.isRaw()) {
                if (h.name().equalsIgnoreCase(header)) {
                    return Optional.of(h.value());
                }
                continue;
            }
            int colon = h.name().indexOf(':');
            if (colon > 0 && h.name().substring(0, colon).strip().equalsIgnoreCase(header)) {
                return Optional.of(h.name().substring(colon + 1).stripLeading());
            }
        }
        return Optional.empty();
    }

    /**
     * @return this event as one message: {@code Event:}, {@code Privilege:}, then the body headers
     *         (for an event written to one session only, such as FullyBooted after a login)
     */
    public ManagerMessage toMessage() {
        List<Header> all = new ArrayList<>(headers.size() + 2);
        all.add(new Header("Event", name));
        all.add(new Header("Privilege", classes.privilege()));
        all.addAll(headers);
        return new ManagerMessage(all);
    }

    /** Builds a {@link ManagerEvent}. */
    public static final class Builder {

        private final String name;
        private final Authority classes;
        private final List<Header> headers = new ArrayList<>();
        private EventChannel channel;

        private Builder(String name, Authority classes) {
            this.name = name;
            this.classes = classes;
        }

        /**
         * Adds a body header after those already added.
         *
         * @param header the name
         * @param value  the value
         * @return this builder
         */
        public Builder header(String header, String value) {
            headers.add(new Header(header, Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * Adds headers after those already added.
         *
         * @param more the headers
         * @return this builder
         */
        public Builder headers(List<Header> more) {
            headers.addAll(more);
            return this;
        }

        /**
         * Makes the event channel-oriented.
         *
         * @param about the channel, with its variables
         * @return this builder
         */
        public Builder channel(EventChannel about) {
            this.channel = about;
            return this;
        }

        /** @return the event */
        public ManagerEvent build() {
            return new ManagerEvent(name, classes, headers, channel);
        }
    }
}
