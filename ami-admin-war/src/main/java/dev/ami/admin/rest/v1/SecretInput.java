package dev.ami.admin.rest.v1;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /accounts/{name}/secret}.
 *
 * @param secret the new secret, in clear (answers and logs never show it)
 */
record SecretInput(@NotNull @Size(min = 1, message = "must not be empty; DELETE the secret to leave the account without one")
        String secret) {
}
