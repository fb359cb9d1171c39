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
        // by hand rather than String.format: every Ping answer carries one, and a Formatter (with
        // its locale lookup) per call was a fifth of the server's time per Ping
        int micros = instant.getNano() / 1000;
        StringBuilder sb = new StringBuilder(24).append(instant.getEpochSecond()).append('.');
        for (int digit = 100_000; digit > micros && digit > 1; digit /= 10) {
            sb.append('0');
        }
        return sb.append(micros).toString();
    }

    /** @return the security-event form, as in {@code EventTV: 2026-11-28T03:33:42.208+0000} */
    public static String eventTv(Instant instant) {
        return EVENT_TV.format(instant);
    }
}
