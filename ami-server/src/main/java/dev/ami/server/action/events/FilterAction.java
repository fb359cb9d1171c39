package dev.ami.server.action.events;

import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.filter.EventFilterException;
import dev.ami.api.filter.EventFilters;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/**
 * {@code Action: Filter} with {@code Operation: Add}: adds an event filter to this session only, in
 * the legacy form ({@code Filter: [!]regex}) or the advanced one ({@code MatchCriteria: …}). A
 * session may add at most {@link dev.ami.server.session.AmiSession#MAX_ADDED_FILTERS}.
 */
public final class FilterAction extends AbstractAction {

    public FilterAction() {
        super("Filter", "Dynamically add filters for the current manager session.", AuthorityClass.SYSTEM);
    }

    @Override
    public void handle(ActionCall call) {
        if (!"Add".equalsIgnoreCase(call.action().get("Operation"))) {
            call.replyError("Unknown operation");
            return;
        }
        try {
            if (!call.session().addFilter(EventFilters.fromAction(call.action().get("MatchCriteria"),
                    call.action().get("Filter")))) {
                // A session's filters are bounded; Asterisk's answer when it cannot make room for one
                // (main/manager.c, action_filter on FILTER_ALLOC_FAILED).
                call.replyError("Internal Error. Failed to allocate regex for filter");
                return;
            }
        } catch (EventFilterException e) {
            // Two spaces after the first period: Asterisk's exact texts.
            call.replyError(e.badRegex() ? "Filter did not compile.  Check the syntax of the filter given."
                    : "Filter was formatted incorrectly.  Check the syntax of the filter given.");
            return;
        }
        call.reply(call.success().message("Success").build());
    }
}
