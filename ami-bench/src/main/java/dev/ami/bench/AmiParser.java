package dev.ami.bench;

import java.nio.charset.StandardCharsets;

/**
 * Cuts the server's bytes into the greeting line and messages (header lines ended by an empty
 * line), and reads the headers the bench needs straight from the bytes. Lines end at LF; a CR
 * before it is dropped. Header names match without regard to case, as AMI clients do.
 */
final class AmiParser {

    /** What the parser reports. */
    interface Sink {
        void greeting(String line);

        void message(AmiMessage message);
    }

    private static final byte[] RESPONSE = ascii("response:");
    private static final byte[] EVENT = ascii("event:");
    private static final byte[] MESSAGE = ascii("message:");
    private static final byte[] ACTION_ID = ascii("actionid:");
    private static final byte[] SEQ = ascii("seq:");
    private static final byte[] SRC = ascii("src:");
    /** Values that come at high rates, matched against the bytes so that they cost no String. */
    private static final String[] KNOWN = {AmiMessage.SUCCESS, AmiMessage.ERROR, AmiMessage.GOODBYE,
            AmiMessage.USER_EVENT, "Event Sent", "Authentication accepted", "FullyBooted", "SuccessfulAuth"};
    private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

    static {
        for (int i = 0; i < KNOWN.length; i++) {
            KNOWN_BYTES[i] = ascii(KNOWN[i]);
        }
    }

    private final Sink sink;
    private final AmiMessage message = new AmiMessage();
    /** the start of a line cut by the end of a read, kept until its LF arrives */
    private byte[] carry = new byte[1024];
    private int carried;
    private boolean greeted;

    AmiParser(Sink sink) {
        this(sink, true);
    }

    /** @param greeting false for text without a greeting line (an HTTP manager's rawman answer) */
    AmiParser(Sink sink, boolean greeting) {
        this.sink = sink;
        this.greeted = !greeting;
    }

    /** Feeds bytes as read from the socket. */
    void feed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int start = offset;
        for (int i = offset; i < end; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            if (carried > 0) {
                append(bytes, start, i - start);
                line(carry, 0, carried);
                carried = 0;
            } else {
                line(bytes, start, i);
            }
            start = i + 1;
        }
        if (start < end) {
            append(bytes, start, end - start);
        }
    }

    private void append(byte[] bytes, int from, int length) {
        if (carried + length > carry.length) {
            byte[] bigger = new byte[Math.max(carry.length * 2, carried + length)];
            System.arraycopy(carry, 0, bigger, 0, carried);
            carry = bigger;
        }
        System.arraycopy(bytes, from, carry, carried, length);
        carried += length;
    }

    /** One line, [from, to) without its LF. */
    private void line(byte[] b, int from, int to) {
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        if (!greeted) {
            greeted = true;
            sink.greeting(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
            return;
        }
        if (to == from) {
            if (message.lines > 0) {
                sink.message(message);
                message.reset();
            }
            return;
        }
        message.lines++;
        int valueAt;
        if ((valueAt = header(b, from, to, SEQ)) >= 0) {
            message.seq = number(b, valueAt, to);
        } else if ((valueAt = header(b, from, to, SRC)) >= 0) {
            message.src = (int) number(b, valueAt, to);
        } else if ((valueAt = header(b, from, to, EVENT)) >= 0) {
            message.event = text(b, valueAt, to);
        } else if ((valueAt = header(b, from, to, RESPONSE)) >= 0) {
            message.response = text(b, valueAt, to);
        } else if ((valueAt = header(b, from, to, MESSAGE)) >= 0) {
            message.message = text(b, valueAt, to);
        } else if ((valueAt = header(b, from, to, ACTION_ID)) >= 0) {
            message.actionId = text(b, valueAt, to);
        }
    }

    /** @return where the value starts (leading blanks skipped) if the line is that header, else -1 */
    private static int header(byte[] b, int from, int to, byte[] lowerName) {
        if (to - from < lowerName.length) {
            return -1;
        }
        for (int i = 0; i < lowerName.length; i++) {
            byte c = b[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerName[i]) {
                return -1;
            }
        }
        int at = from + lowerName.length;
        while (at < to && b[at] == ' ') {
            at++;
        }
        return at;
    }

    private static long number(byte[] b, int from, int to) {
        long n = 0;
        if (from == to) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    private static String text(byte[] b, int from, int to) {
        int length = to - from;
        for (int k = 0; k < KNOWN_BYTES.length; k++) {
            byte[] known = KNOWN_BYTES[k];
            if (known.length == length && java.util.Arrays.equals(b, from, to, known, 0, length)) {
                return KNOWN[k];
            }
        }
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
