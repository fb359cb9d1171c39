package dev.ami.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts HTTP/1.1 responses out of the bytes of one connection and reads the few headers the bench
 * needs: the status, Content-Length (the HTTP manager always sends one), the
 * {@code mansession_id} cookie and {@code Connection: close}. Enough for the bench's own
 * requests, no general client: a body without Content-Length or a chunked one is refused.
 */
final class HttpResponseParser {

    /** One response; {@code body} is valid only during the call. */
    interface Sink {
        void response(int status, String cookie, boolean close, byte[] body, int offset, int length);
    }

    private static final byte[] CONTENT_LENGTH = AmiParser.ascii("content-length:");
    private static final byte[] SET_COOKIE = AmiParser.ascii("set-cookie:");
    private static final byte[] CONNECTION = AmiParser.ascii("connection:");
    private static final byte[] TRANSFER_ENCODING = AmiParser.ascii("transfer-encoding:");
    private static final byte[] COOKIE_NAME = AmiParser.ascii("mansession_id=");
    private static final byte[] HTTP = AmiParser.ascii("http/");

    private final Sink sink;
    private byte[] buffer = new byte[16 * 1024];
    private int length;
    /** where the search for the end of the head resumes */
    private int scanned;
    private int bodyAt = -1;
    private int contentLength;
    private int status;
    private String cookie;
    private boolean close;

    HttpResponseParser(Sink sink) {
        this.sink = sink;
    }

    /** Feeds bytes as read from the socket; reports every response they complete. */
    void feed(byte[] bytes, int offset, int count) {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
        while (next()) {
            // one response reported per round
        }
    }

    /** @return true if a response was reported and the bytes after it may hold another */
    private boolean next() {
        if (bodyAt < 0 && !head()) {
            return false;
        }
        if (length - bodyAt < contentLength) {
            return false;
        }
        sink.response(status, cookie, close, buffer, bodyAt, contentLength);
        int consumed = bodyAt + contentLength;
        System.arraycopy(buffer, consumed, buffer, 0, length - consumed);
        length -= consumed;
        scanned = 0;
        bodyAt = -1;
        return true;
    }

    /** @return true once the head is complete and read */
    private boolean head() {
        int end = -1;
        for (int i = Math.max(scanned, 3); i < length; i++) {
            if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            scanned = Math.max(0, length);
            return false;
        }
        status = -1;
        contentLength = 0;
        cookie = null;
        close = false;
        int lineStart = 0;
        for (int i = 0; i < end - 2; i++) {
            if (buffer[i] != '\n') {
                continue;
            }
            int lineEnd = i - 1; // before the CR
            if (lineStart == 0) {
                status = statusOf(lineStart, lineEnd);
            } else {
                header(lineStart, lineEnd);
            }
            lineStart = i + 1;
        }
        if (status < 0) {
            throw new IllegalStateException("not an HTTP response: "
                    + new String(buffer, 0, Math.min(end, 80), StandardCharsets.ISO_8859_1));
        }
        bodyAt = end;
        return true;
    }

    private int statusOf(int from, int to) {
        // HTTP/1.1 200 OK
        int space = from;
        while (space < to && buffer[space] != ' ') {
            space++;
        }
        if (!startsWith(from, to, HTTP) || space + 4 > to) {
            return -1;
        }
        return (buffer[space + 1] - '0') * 100 + (buffer[space + 2] - '0') * 10 + (buffer[space + 3] - '0');
    }

    private void header(int from, int to) {
        if (startsWith(from, to, CONTENT_LENGTH)) {
            contentLength = Integer.parseInt(value(from + CONTENT_LENGTH.length, to));
        } else if (startsWith(from, to, SET_COOKIE)) {
            String v = value(from + SET_COOKIE.length, to);
            if (v.regionMatches(true, 0, "mansession_id=", 0, COOKIE_NAME.length)) {
                int semicolon = v.indexOf(';');
                cookie = semicolon < 0 ? v : v.substring(0, semicolon);
            }
        } else if (startsWith(from, to, CONNECTION)) {
            close = value(from + CONNECTION.length, to).equalsIgnoreCase("close");
        } else if (startsWith(from, to, TRANSFER_ENCODING)) {
            throw new IllegalStateException("the bench reads only bodies with a Content-Length, got Transfer-Encoding: "
                    + value(from + TRANSFER_ENCODING.length, to));
        }
    }

    private String value(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1).trim();
    }

    private boolean startsWith(int from, int to, byte[] lowerName) {
        if (to - from < lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            byte c = buffer[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerName[i]) {
                return false;
            }
        }
        return true;
    }
}
