package dev.ami.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The kernel's view of one loopback connection, from /proc/net/tcp: lets the bench see when the
 * server closes a session whose client is not reading (the FIN waits behind unread data, so the
 * client itself cannot tell without reading).
 */
final class TcpTable {

    /** State and send queue of the server's end of a connection. */
    record Entry(String state, long sendQueueBytes) {
        boolean established() {
            return "01".equals(state);
        }

        String stateName() {
            return switch (state) {
                case "01" -> "ESTABLISHED";
                case "04" -> "FIN_WAIT1";
                case "05" -> "FIN_WAIT2";
                case "06" -> "TIME_WAIT";
                case "07" -> "CLOSE";
                case "08" -> "CLOSE_WAIT";
                case "09" -> "LAST_ACK";
                case "0B" -> "CLOSING";
                default -> state;
            };
        }
    }

    private TcpTable() {
    }

    /**
     * @param serverPort the AMI port
     * @param clientPort the client's local port of the connection
     * @return the server end's entry, or null if the kernel no longer has it
     */
    static Entry serverEnd(int serverPort, int clientPort) {
        String local = String.format(Locale.ROOT, ":%04X", serverPort);
        String remote = String.format(Locale.ROOT, ":%04X", clientPort);
        for (String file : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    if (!line.contains(remote)) {
                        continue;
                    }
                    // sl local_address rem_address st tx_queue:rx_queue ...
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 4 && f[1].endsWith(local) && f[2].endsWith(remote)) {
                        return new Entry(f[3], Long.parseLong(f[4].substring(0, f[4].indexOf(':')), 16));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table (no IPv6) or a line being rewritten: try the next
            }
        }
        return null;
    }
}
