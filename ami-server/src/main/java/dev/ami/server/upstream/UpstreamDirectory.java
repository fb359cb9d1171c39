package dev.ami.server.upstream;

import java.util.Optional;

/** The upstreams of this connector, by name (without regard to case). */
public interface UpstreamDirectory {

    /**
     * @param name an upstream's name
     * @return its session when it is logged in; empty when it is not, or no upstream has that name
     */
    Optional<UpstreamChannel> connected(String name);

    /**
     * @param name an upstream's name
     * @return whether the configuration has an upstream of that name
     */
    boolean configured(String name);
}
