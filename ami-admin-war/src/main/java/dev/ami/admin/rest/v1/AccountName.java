package dev.ami.admin.rest.v1;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.ami.persistence.manager.StoredLengths;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An account name: given, at most as long as the column holds, with no blank at either end (an AMI
 * login could not name it). What else a manager.conf section name cannot hold the import's checks say.
 */
@NotNull
@Size(min = 1, max = StoredLengths.NAME)
@Pattern(regexp = "\\S(.*\\S)?", flags = Pattern.Flag.DOTALL, message = "must not begin or end with a blank")
@Constraint(validatedBy = {})
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
public @interface AccountName {

    /** @return the message (each composing constraint gives its own) */
    String message() default "is not an account name";

    /** @return the groups */
    Class<?>[] groups() default {};

    /** @return the payload */
    Class<? extends Payload>[] payload() default {};
}
