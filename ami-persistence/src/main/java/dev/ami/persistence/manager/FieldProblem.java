package dev.ami.persistence.manager;

import java.io.Serializable;
import java.util.Objects;

/**
 * A problem with one field of an account (an error that refuses it, or a warning an import would
 * give), named as {@link AccountSection} names the fields. The reason names the field and never
 * quotes its value, which may be a secret.
 *
 * @param field  the field, with its index in a list ({@code acl[1]}), or null for the account as a whole
 * @param reason what is wrong
 */
public record FieldProblem(String field, String reason) implements Serializable {

    public FieldProblem {
        Objects.requireNonNull(reason, "reason");
    }
}
