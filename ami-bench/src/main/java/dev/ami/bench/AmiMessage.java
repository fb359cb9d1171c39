package dev.ami.bench;

/**
 * The few headers of one received message that the bench looks at. One instance is reused for
 * every message of a connection (see {@link AmiParser}): at half a million events a second the
 * client must not allocate per header, or it would take CPU from the server it measures.
 */
final class AmiMessage {

    static final String SUCCESS = "Success";
    static final String ERROR = "Error";
    static final String GOODBYE = "Goodbye";
    static final String USER_EVENT = "UserEvent";

    /** the Response value, or null for an event */
    String response;
    /** the Event value, or null for a response */
    String event;
    /** the Message value, or null */
    String message;
    /** the ActionID value, or null */
    String actionId;
    /** the Seq header the bench's producers put into their UserEvents, or -1 */
    long seq;
    /** the Src header (the producer's number), or -1 */
    int src;
    /** header lines seen */
    int lines;

    AmiMessage() {
        reset();
    }

    void reset() {
        response = null;
        event = null;
        message = null;
        actionId = null;
        seq = -1;
        src = -1;
        lines = 0;
    }

    /** @return a copy that survives the parser's reuse of this instance */
    AmiMessage copy() {
        AmiMessage c = new AmiMessage();
        c.response = response;
        c.event = event;
        c.message = message;
        c.actionId = actionId;
        c.seq = seq;
        c.src = src;
        c.lines = lines;
        return c;
    }

    boolean isResponse(String value) {
        return value.equals(response);
    }

    boolean isUserEvent() {
        return USER_EVENT.equals(event);
    }

    @Override
    public String toString() {
        return response != null
                ? "Response: " + response + (message == null ? "" : " / Message: " + message)
                : "Event: " + event;
    }
}
