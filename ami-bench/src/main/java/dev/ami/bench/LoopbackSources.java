package dev.ami.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads many client connections over loopback source addresses 127.0.0.2, 127.0.0.3 ...: Linux
 * picks a connection's local port from one ephemeral range per local address (32768-60999 by
 * default, 28,232 ports), so one address cannot hold 100,000 connections to one server port, and
 * several can. 127.0.0.1 is left to the bench's other clients, whose TIME_WAIT sockets stay there.
 */
final class LoopbackSources {

    /** Sessions per address by default: well inside the default range, leaving room for stragglers. */
    static final int DEFAULT_PER_ADDRESS = 20_000;
    /** the first address used; 127.0.0.1 is the server's and the other scenarios' */
    static final int FIRST_HOST = 2;
    /** 127.0.0.2 up to 127.255.255.254: the loopback network less its network, .1 and broadcast */
    static final int MAX_ADDRESSES = (1 << 24) - 3;

    private final int perAddress;
    private final int addresses;

    /**
     * @param sessions   how many connections will be opened
     * @param perAddress at most this many from one address
     */
    LoopbackSources(int sessions, int perAddress) {
        if (sessions < 0 || perAddress < 1) {
            throw new IllegalArgumentException("sessions must be >= 0 and per address >= 1, not " + sessions + " and "
                    + perAddress);
        }
        this.perAddress = perAddress;
        this.addresses = Math.max(1, (sessions + perAddress - 1) / perAddress);
        if (addresses > MAX_ADDRESSES) {
            throw new IllegalArgumentException(sessions + " sessions at " + perAddress + " per address need more than"
                    + " the loopback network's addresses");
        }
    }

    /** @return how many source addresses the sessions use */
    int addressCount() {
        return addresses;
    }

    /** @return the source address of session {@code index} (0-based): the first perAddress from 127.0.0.2, ... */
    String addressOf(int index) {
        if (index < 0 || index / perAddress >= addresses) {
            throw new IndexOutOfBoundsException("session " + index + " of " + (long) addresses * perAddress);
        }
        return address(index / perAddress);
    }

    /** @return every address used, in order */
    List<String> all() {
        List<String> all = new ArrayList<>(addresses);
        for (int i = 0; i < addresses; i++) {
            all.add(address(i));
        }
        return all;
    }

    /** @return "127.0.0.2 .. 127.0.0.6" */
    String describe() {
        return addresses == 1 ? address(0) : address(0) + " .. " + address(addresses - 1);
    }

    private static String address(int ordinal) {
        int host = FIRST_HOST + ordinal;
        return "127." + (host >>> 16 & 0xff) + "." + (host >>> 8 & 0xff) + "." + (host & 0xff);
    }
}
