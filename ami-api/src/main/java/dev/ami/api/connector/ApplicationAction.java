package dev.ami.api.connector;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerMessage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * An AMI action as the connector registers it: what an {@link dev.ami.api.action.AmiAction}
 * handler becomes once adapted ({@link dev.ami.api.bridge.ActionAdapter}, the one place that
 * builds it).
 *
 * @param name             the action name
 * @param write            the write classes of which a session needs one; empty for none
 * @param synopsis         the ListCommands synopsis
 * @param sensitiveHeaders header names whose values are never logged; a trailing {@code *}
 *                         matches any suffix, case is ignored ({@link #isSensitive})
 * @param handler          runs the action off the connector's threads and completes with the
 *                         messages to send
 */
public record ApplicationAction(String name, Authority write, String synopsis, List<String> sensitiveHeaders,
        Function<ActionRequest, CompletionStage<List<ManagerMessage>>> handler) {

    public ApplicationAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(synopsis, "synopsis");
        Objects.requireNonNull(handler, "handler");
        sensitiveHeaders = List.copyOf(sensitiveHeaders);
        if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c == ':')) {
            throw new IllegalArgumentException("an action name is one word without blanks or colons: '" + name + "'");
        }
        for (String header : sensitiveHeaders) {
            String stem = header.endsWith("*") ? header.substring(0, header.length() - 1) : header;
            if (stem.isEmpty() || stem.chars().anyMatch(c -> c <= ' ' || c == ':' || c == '*')) {
                throw new IllegalArgumentException("a sensitive header of " + name + " is a header name, optionally"
                        + " ending with '*': '" + header + "'");
            }
        }
    }

    /**
     * @param header a header name as a request carries it
     * @return true if its value must not be logged
     */
    public boolean isSensitive(String header) {
        return matchesAny(sensitiveHeaders, header);
    }

    /**
     * @param patterns header names, compared without regard to case; a trailing {@code *} matches any rest
     * @param header   a header name as a request carries it
     * @return true if a pattern matches the header
     */
    public static boolean matchesAny(List<String> patterns, String header) {
        String h = header.toLowerCase(Locale.ROOT);
        for (String s : patterns) {
            String p = s.toLowerCase(Locale.ROOT);
            if (p.endsWith("*") ? h.startsWith(p.substring(0, p.length() - 1)) : h.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
