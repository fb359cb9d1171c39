package dev.ami.api.authority;

/**
 * The named AMI authority classes with Asterisk's bit values, in Asterisk's table order.
 *
 * <p>The order matters: {@code Privilege:} headers list class names in this order, and
 * {@code read=}/{@code write=} parsing walks it. {@link #ALL} has every bit set, so it intersects
 * any non-empty class set, which is why Asterisk's privilege strings end in {@code ,all}.
 * {@link #NONE} is 0 and never appears in a privilege string.
 */
public enum AuthorityClass {
    SYSTEM("system", 1),
    CALL("call", 1 << 1),
    LOG("log", 1 << 2),
    VERBOSE("verbose", 1 << 3),
    COMMAND("command", 1 << 4),
    AGENT("agent", 1 << 5),
    USER("user", 1 << 6),
    CONFIG("config", 1 << 7),
    DTMF("dtmf", 1 << 8),
    REPORTING("reporting", 1 << 9),
    CDR("cdr", 1 << 10),
    DIALPLAN("dialplan", 1 << 11),
    ORIGINATE("originate", 1 << 12),
    AGI("agi", 1 << 13),
    CC("cc", 1 << 15),
    AOC("aoc", 1 << 16),
    TEST("test", 1 << 17),
    SECURITY("security", 1 << 18),
    MESSAGE("message", 1 << 30),
    ALL("all", Integer.MAX_VALUE),
    NONE("none", 0);

    private final String label;
    private final int bits;

    AuthorityClass(String label, int bits) {
        this.label = label;
        this.bits = bits;
    }

    /** @return the name as written in manager.conf and in {@code Privilege:} headers */
    public String label() {
        return label;
    }

    /** @return the bit value Asterisk uses */
    public int bits() {
        return bits;
    }
}
