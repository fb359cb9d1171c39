package dev.ami.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

/** Writes transcripts readably: text blocks with LF become CRLF wire bytes. */
public final class Wire {

    private Wire() {
    }

    /** @return the text with every LF turned into CRLF */
    public static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    /**
     * Sends a request and asserts the server's answer, masked, byte for byte.
     *
     * @param client   the connection
     * @param request  what the client sends, LF-terminated lines
     * @param expected what the server answers, LF-terminated lines, as many messages as it holds
     */
    public static void exchange(AmiTestClient client, String request, String expected) throws IOException {
        client.send(crlf(request));
        String wire = crlf(expected);
        int messages = wire.split("\r\n\r\n", -1).length - 1;
        assertEquals(Masks.mask(wire), Masks.mask(client.readMessages(messages)));
    }

    /** Waits up to five seconds for something the server does asynchronously. */
    public static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
