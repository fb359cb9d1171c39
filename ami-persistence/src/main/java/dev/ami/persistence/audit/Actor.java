package dev.ami.persistence.audit;

import java.util.Objects;

/**
 * Who made a change, as the audit trail records it.
 *
 * @param name    the account (or {@code ami} for the server itself)
 * @param address the client's address, or null when there is none (the server's own start)
 * @param via     the way the change came in: {@link #REST}, {@link #CONSOLE}, {@link #AMI_CONFIG},
 *                {@link #UPDATE_CONFIG} or {@link #START}
 */
public record Actor(String name, String address, String via) {

    /** A REST client. */
    public static final String REST = "REST";
    /** The admin console (a cookie session). */
    public static final String CONSOLE = "console";
    /** The {@code bin/ami-config} script. */
    public static final String AMI_CONFIG = "ami-config";
    /** The AMI action UpdateConfig. */
    public static final String UPDATE_CONFIG = "UpdateConfig";
    /** The import of manager.conf and http.conf when the server first starts. */
    public static final String START = "start";

    /** The server itself, importing the configuration folder on its first start. */
    public static final Actor SERVER_START = new Actor("ami", null, START);

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(via, "via");
    }
}
