package dev.ami.it;

/**
 * Masks what legitimately differs between a recorded Asterisk exchange and ours: times, session
 * ids, challenge digits, uptimes and ports. Everything else must match byte for byte.
 */
public final class Masks {

    private Masks() {
    }

    public static String mask(String wire) {
        return wire
                .replaceAll("Timestamp: \\d+\\.\\d{6}\r\n", "Timestamp: <ts>\r\n")
                .replaceAll("(EventTV|SessionTV): \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}\r\n",
                        "$1: <tv>\r\n")
                .replaceAll("SessionID: 0x[0-9a-f]+\r\n", "SessionID: <id>\r\n")
                .replaceAll("(Uptime|LastReload): \\d+\r\n", "$1: <n>\r\n")
                .replaceAll("Challenge: \\d{1,9}\r\n", "Challenge: <digits>\r\n")
                .replaceAll("(Local|Remote)Address: (IPV[46])/(TCP|TLS)/([^/]+)/\\d+\r\n", "$1Address: $2/$3/$4/<port>\r\n");
    }
}
