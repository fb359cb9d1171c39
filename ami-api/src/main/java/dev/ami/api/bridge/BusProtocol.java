package dev.ami.api.bridge;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.authority.Authority;
import dev.ami.api.connector.ApplicationAction;
import dev.ami.api.connector.ConnectorLink;
import dev.ami.api.event.EventChannel;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How an application reaches the AMI server in another deployment: requests to the server's
 * gateway ({@value #GATEWAY}, a {@code Function<Map<String, Object>, Object>}) made of JDK types
 * only. Each deployment has its own copy of these classes, so nothing of ours may cross; maps,
 * lists, strings and the JDK's functional interfaces do.
 */
public final class BusProtocol {

    /** The gateway's global JNDI name, bound by ami.ear while it is deployed. */
    public static final String GATEWAY = "java:global/ami/gateway";

    static final String OP = "op";
    static final String HELLO = "hello";
    static final String PUBLISH = "publish";
    static final String REGISTER = "register-action";
    /** What ami-api before {@link ActionRequest} sent: its handlers cannot be called any more. */
    static final String LEGACY_REGISTER = "register";
    static final String SUBSCRIBE = "subscribe";

    private static final String NAME = "name";
    private static final String CLASSES = "classes";
    private static final String HEADERS = "headers";
    private static final String CHANNEL = "channel";
    private static final String VARIABLES = "variables";
    private static final String UPSTREAM = "upstream";
    private static final String WRITE = "write";
    private static final String SYNOPSIS = "synopsis";
    private static final String SENSITIVE = "sensitiveHeaders";
    private static final String HANDLER = "handler";
    private static final String LINES = "lines";
    private static final String USERNAME = "username";
    private static final String REMOTE_ADDRESS = "remoteAddress";
    private static final String LABEL = "label";
    private static final String CONSUMER = "consumer";

    private BusProtocol() {
    }

    /** @return a request for the connector's instance id */
    static Map<String, Object> hello() {
        return Map.of(OP, HELLO);
    }

    /** @return a request that routes this event */
    static Map<String, Object> publish(ManagerEvent event) {
        Map<String, Object> m = encode(event);
        m.put(OP, PUBLISH);
        return m;
    }

    /**
     * @param action an action of this application, adapted from its handler
     * @return a request that registers the action (answered with an {@link AutoCloseable}); its
     *         handler takes the request as a map ({@link #request}) and answers the messages as
     *         flattened header lists
     */
    static Map<String, Object> register(ApplicationAction action) {
        Function<Map<String, Object>, CompletionStage<List<List<String>>>> handler =
                call -> action.handler().apply(request(call)).thenApply(BusProtocol::lists);
        return Map.of(OP, REGISTER, NAME, action.name(), WRITE, action.write().bits(), SYNOPSIS, action.synopsis(),
                SENSITIVE, List.copyOf(action.sensitiveHeaders()), HANDLER, handler);
    }

    /** @return a request that subscribes to routed events (answered with an {@link AutoCloseable}) */
    static Map<String, Object> subscribe(String label, Consumer<Map<String, Object>> consumer) {
        return Map.of(OP, SUBSCRIBE, LABEL, label, CONSUMER, consumer);
    }

    /**
     * Serves a gateway request on the server side.
     *
     * @param link    the running connector
     * @param request a request made by this class in some deployment
     * @return the answer: the instance id, null, or an {@link AutoCloseable} registration
     * @throws IllegalArgumentException for a request this version does not know
     */
    @SuppressWarnings("unchecked")
    public static Object serve(ConnectorLink link, Map<String, Object> request) {
        Object op = request.get(OP);
        switch (String.valueOf(op)) {
            case HELLO:
                return link.instanceId();
            case PUBLISH:
                link.publish(event(request));
                return null;
            case REGISTER: {
                Function<Map<String, Object>, CompletionStage<List<List<String>>>> handler =
                        (Function<Map<String, Object>, CompletionStage<List<List<String>>>>) request.get(HANDLER);
                return link.register(new ApplicationAction((String) request.get(NAME),
                        new Authority((Integer) request.get(WRITE)), (String) request.get(SYNOPSIS),
                        (List<String>) request.get(SENSITIVE),
                        call -> handler.apply(encode(call)).thenApply(BusProtocol::messages)));
            }
            case LEGACY_REGISTER:
                throw new IllegalArgumentException("the application was built with an older ami-api, whose action"
                        + " handlers take a ManagerAction; build it with this server's ami-api");
            case SUBSCRIBE: {
                Consumer<Map<String, Object>> consumer = (Consumer<Map<String, Object>>) request.get(CONSUMER);
                return link.subscribe((String) request.get(LABEL), event -> consumer.accept(encode(event)));
            }
            default:
                throw new IllegalArgumentException("the AMI gateway does not know the request '" + op + "'");
        }
    }

    /** @return the event as JDK types */
    static Map<String, Object> encode(ManagerEvent event) {
        Map<String, Object> m = new HashMap<>();
        m.put(NAME, event.name());
        m.put(CLASSES, event.classes().bits());
        m.put(HEADERS, flatten(event.headers()));
        if (event.channel() != null) {
            m.put(CHANNEL, event.channel().name());
            m.put(VARIABLES, Map.copyOf(event.channel().variables()));
        }
        if (event.upstream() != null) {
            m.put(UPSTREAM, event.upstream());
        }
        return m;
    }

    /** @return the event a map made by {@link #encode} describes */
    @SuppressWarnings("unchecked")
    static ManagerEvent event(Map<String, Object> m) {
        String channel = (String) m.get(CHANNEL);
        return new ManagerEvent((String) Objects.requireNonNull(m.get(NAME), "event name"),
                new Authority((Integer) m.get(CLASSES)), headers((List<String>) m.get(HEADERS)),
                channel == null ? null : new EventChannel(channel, (Map<String, String>) m.get(VARIABLES)),
                (String) m.get(UPSTREAM));
    }

    /** @return messages as flattened header lists */
    static List<List<String>> lists(List<ManagerMessage> messages) {
        return messages.stream().map(message -> flatten(message.headers())).toList();
    }

    /** @return the messages flattened header lists describe */
    static List<ManagerMessage> messages(List<List<String>> lists) {
        return lists.stream().map(l -> new ManagerMessage(headers(l))).toList();
    }

    /** Headers as name, value, name, value…; a raw line has a null value. */
    private static List<String> flatten(List<Header> headers) {
        List<String> flat = new ArrayList<>(headers.size() * 2);
        for (Header h : headers) {
            flat.add(h.name());
            flat.add(h.value());
        }
        return flat;
    }

    private static List<Header> headers(List<String> flat) {
        List<Header> headers = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            headers.add(new Header(flat.get(i), flat.get(i + 1)));
        }
        return headers;
    }

    /** @return a request for an action as JDK types: its lines, the account, its write classes and the client */
    static Map<String, Object> encode(ActionRequest request) {
        return Map.of(LINES, List.copyOf(request.action().lines()), USERNAME, request.username(),
                WRITE, request.write().bits(), REMOTE_ADDRESS, request.remoteAddress());
    }

    /** @return the request a map made by {@link #encode(ActionRequest)} describes */
    @SuppressWarnings("unchecked")
    static ActionRequest request(Map<String, Object> m) {
        return new ActionRequest(new ManagerAction((List<String>) m.get(LINES)), (String) m.get(USERNAME),
                new Authority((Integer) m.get(WRITE)), (String) m.getOrDefault(REMOTE_ADDRESS, ""));
    }
}
