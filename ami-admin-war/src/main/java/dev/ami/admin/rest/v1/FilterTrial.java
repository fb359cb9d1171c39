package dev.ami.admin.rest.v1;

import dev.ami.admin.rest.v1.AccountInput.FilterInput;
import dev.ami.api.filter.EventFilter;
import dev.ami.api.filter.EventFilterException;
import dev.ami.api.filter.EventFilters;
import dev.ami.persistence.manager.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's event filters tried on one sample event, exactly as a session filters: each filter
 * compiled from its {@code eventfilter} line by {@link EventFilters#parse} (as
 * {@link dev.ami.persistence.manager.AccountDefinition#toAccount} compiles an account's), the
 * event searched in its wire form, and the filters combined by {@link EventFilter#allows}.
 */
final class FilterTrial {

    private static final String CRLF = "\r\n";
    private static final String EVENT = "Event:";

    private FilterTrial() {
    }

    /**
     * The outcome of a trial.
     *
     * @param delivered true if a session with these filters receives the event
     * @param matches   per filter, in order, whether it matches the event
     */
    record Outcome(boolean delivered, List<Boolean> matches) {
    }

    /**
     * @param filters  an account's filters, as its JSON has them
     * @param event    the event as text, header lines ended by CRLF or LF, with or without the final empty line
     * @param problems gets a problem per filter that does not compile and one for an event without {@code Event:}
     * @return the outcome, or null when there are problems
     */
    static Outcome run(List<FilterInput> filters, String event, List<FieldProblem> problems) {
        List<EventFilter> compiled = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            FilterInput f = filters.get(i);
            // the option name as AccountJson.definition writes the line, compiled as an account's line is
            String key = f.criteria() == null ? "eventfilter" : "eventfilter(" + f.criteria() + ")";
            try {
                compiled.add(EventFilters.parse(key, f.pattern()));
            } catch (EventFilterException e) {
                String field = "eventFilters[" + i + "]." + (e.badRegex() || f.criteria() == null ? "pattern" : "criteria");
                problems.add(new FieldProblem(field, e.getMessage()));
            }
        }
        String text = wire(event);
        String name = name(text);
        if (name == null) {
            problems.add(new FieldProblem("event", "must have an Event: line naming the event"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        List<Boolean> matches = compiled.stream().map(f -> f.matches(name, text)).toList();
        return new Outcome(EventFilter.allows(compiled, name, text), matches);
    }

    /** The event as a session writes it: every line ended by CRLF, then the empty line. */
    static String wire(String event) {
        StringBuilder text = new StringBuilder();
        for (String line : event.split("\r?\n", -1)) {
            if (!line.isEmpty()) {
                text.append(line).append(CRLF);
            }
        }
        return text.append(CRLF).toString();
    }

    /** The event's name, the value of its first {@code Event:} line, as the router names an event. */
    private static String name(String wire) {
        for (String line : wire.split(CRLF)) {
            if (line.regionMatches(true, 0, EVENT, 0, EVENT.length())) {
                String name = line.substring(EVENT.length()).strip();
                return name.isEmpty() ? null : name;
            }
        }
        return null;
    }
}
