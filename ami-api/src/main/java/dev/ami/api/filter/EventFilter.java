package dev.ami.api.filter;

import java.util.List;

/**
 * One event filter of a session: from an account's {@code eventfilter} lines or the Filter action.
 * A filter either includes or excludes the events it matches; see {@link #allows(List, String, String)}
 * for how a session's filters combine.
 */
public interface EventFilter {

    /** @return true for an include filter, false for an exclude filter */
    boolean include();

    /**
     * @param eventName the event's name (its {@code Event:} value)
     * @param eventText the whole event exactly as it would be sent, CRLFs and final empty line included
     * @return true if the filter matches the event
     */
    boolean matches(String eventName, String eventText);

    /**
     * Asterisk's evaluation: no filters let everything through; with include filters an event
     * needs at least one to match; with exclude filters none may match.
     *
     * @param filters   a session's filters
     * @param eventName the event's name
     * @param eventText the event as sent
     * @return true if the event may be delivered
     */
    static boolean allows(List<EventFilter> filters, String eventName, String eventText) {
        boolean anyInclude = false;
        boolean included = false;
        for (EventFilter f : filters) {
            if (f.include()) {
                anyInclude = true;
                included = included || f.matches(eventName, eventText);
            } else if (f.matches(eventName, eventText)) {
                return false;
            }
        }
        return !anyInclude || included;
    }
}
