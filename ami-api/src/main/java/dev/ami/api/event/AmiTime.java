package dev.ami.api.event;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Asterisk's two time formats on the wire. */
public final class AmiTime {

    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneId.systemDefault());

    private AmiTime() {
    }

    /** @return epoch seconds with six decimals, as in {@code Timestamp: 1795836836.849568} */
    public static String timestamp(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1000);
    }

    /** @return the security-event form, as in {@code EventTV: 2026-11-28T03:33:42.208+0000} */
    public static String eventTv(Instant instant) {
        return EVENT_TV.format(instant);
    }
}
