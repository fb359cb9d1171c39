package dev.ami.persistence.audit;

import java.util.Objects;

/**
 * One field a change touched, with its value before and after, as text; null where the field was not
 * set. Secrets are never given here, only {@link #SECRET_MASK}.
 *
 * @param field  the field: an account's option as manager.conf names it ({@code read}, {@code acl}),
 *               a setting's name, or what an import or kick concerns
 * @param before its value before, or null
 * @param after  its value after, or null
 */
public record AuditChange(String field, String before, String after) {

    /** What a secret's value is shown as. */
    public static final String SECRET_MASK = "********";

    /** The longest value kept; a longer one is cut and ends with {@link #CUT}. */
    public static final int MAX_VALUE = 8192;

    /** The end of a value that was cut to {@link #MAX_VALUE}. */
    public static final String CUT = "…";

    public AuditChange {
        Objects.requireNonNull(field, "field");
        before = fitted(before);
        after = fitted(after);
    }

    private static String fitted(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - CUT.length()) + CUT;
    }
}
