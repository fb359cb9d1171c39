package dev.ami.api.connector;

import java.time.Instant;

/**
 * One live AMI session and what happened to the events routed to it.
 *
 * @param id            the session id (as in security events' SessionID)
 * @param username      the account, as the client typed it at login; empty before login
 * @param remoteAddress the client's address and port ({@code 192.0.2.1:40000}, {@code [2001:db8::1]:40000})
 * @param transport     {@code TCP}, {@code TLS} or {@code HTTP} (a session of the HTTP manager)
 * @param connectedAt   when the connection was accepted (HTTP: when the session's first request came)
 * @param loggedInAt    when the session logged in; null before login
 * @param queued        events accepted into the session's outbound queue
 * @param delivered     events written to the connection
 * @param dropped       events lost because the session was cut off as a slow consumer, or forgotten by an
 *                      HTTP session's full queue (oldest first)
 * @param pending       events waiting in the queue now
 * @param maxLagMillis  the longest time an event waited between routing and writing
 */
public record SessionStatistics(String id, String username, String remoteAddress, String transport,
        Instant connectedAt, Instant loggedInAt, long queued, long delivered, long dropped, int pending,
        long maxLagMillis) {
}
