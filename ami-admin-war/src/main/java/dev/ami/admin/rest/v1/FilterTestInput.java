package dev.ami.admin.rest.v1;

import dev.ami.admin.rest.v1.AccountInput.FilterInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The body of {@code POST /ami/api/v1/filters/test}.
 *
 * @param eventFilters the filters, as an account's JSON has them
 * @param event        the sample event as text ({@code Event: Newchannel\r\nChannel: ...\r\n})
 */
record FilterTestInput(@NotNull List<@NotNull @Valid FilterInput> eventFilters,
        @NotNull(message = "must be the sample event as text") String event) {
}
