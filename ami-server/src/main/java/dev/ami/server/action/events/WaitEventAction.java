package dev.ami.server.action.events;

import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/**
 * {@code Action: WaitEvent}: waits up to {@code Timeout} seconds (absent or unreadable: without
 * limit; 0: not at all) for the next event of this session, then answers, writes that event and
 * {@code Event: WaitEventComplete}. No thread waits: the session holds the pending request.
 */
public final class WaitEventAction extends AbstractAction {

    public WaitEventAction() {
        super("WaitEvent", "Wait for an event to occur.");
    }

    @Override
    public void handle(ActionCall call) {
        call.session().startWait(call.action(), timeout(call.action().get("Timeout")));
    }

    /** C's {@code %i}: optional sign, then 0x hex, 0 octal or decimal; anything unreadable is -1. */
    static int timeout(String text) {
        String s = text.strip();
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        int radix = 10;
        if (s.length() > 1 && (s.startsWith("0x") || s.startsWith("0X"))) {
            radix = 16;
            s = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
        }
        int end = 0;
        while (end < s.length() && Character.digit(s.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == 0) {
            return -1;
        }
        long value;
        try {
            value = Long.parseLong(s.substring(0, end), radix);
        } catch (NumberFormatException tooLong) {
            return -1;
        }
        value = negative ? -value : value;
        return value < -1 ? -1 : (int) Math.min(value, Integer.MAX_VALUE);
    }
}
