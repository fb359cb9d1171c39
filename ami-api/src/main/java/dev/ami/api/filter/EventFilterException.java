package dev.ami.api.filter;

/** A filter that cannot be used; {@link #badRegex()} tells Asterisk's two refusals apart. */
public class EventFilterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean badRegex;

    EventFilterException(String message, boolean badRegex) {
        super(message);
        this.badRegex = badRegex;
    }

    /** @return true if the pattern is not a valid regular expression; false if the filter is malformed */
    public boolean badRegex() {
        return badRegex;
    }
}
