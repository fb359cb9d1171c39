package dev.ami.persistence.audit;

import java.util.Objects;

/**
 * What a change concerned.
 *
 * @param kind {@link #ACCOUNT}, {@link #GENERAL}, {@link #HTTP}, {@link #TEMPLATE}, {@link #MANAGER_CONF},
 *             {@link #HTTP_CONF} or {@link #SESSION}
 * @param name its name: the account's or template's, the session's id, the file's name, the section's
 */
public record AuditTarget(String kind, String name) {

    /** An account. */
    public static final String ACCOUNT = "account";
    /** manager.conf's {@code [general]} settings. */
    public static final String GENERAL = "general";
    /** http.conf's settings. */
    public static final String HTTP = "http";
    /** A template of manager.conf. */
    public static final String TEMPLATE = "template";
    /** manager.conf as a whole (an import). */
    public static final String MANAGER_CONF = "manager.conf";
    /** http.conf as a whole (an import). */
    public static final String HTTP_CONF = "http.conf";
    /** An upstream AMI server (upstreams.conf's section). */
    public static final String UPSTREAM = "upstream";
    /** upstreams.conf as a whole (an import). */
    public static final String UPSTREAMS_CONF = "upstreams.conf";
    /** A live AMI session. */
    public static final String SESSION = "session";

    public AuditTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** @return an account as a target */
    public static AuditTarget account(String name) {
        return new AuditTarget(ACCOUNT, name);
    }
}
