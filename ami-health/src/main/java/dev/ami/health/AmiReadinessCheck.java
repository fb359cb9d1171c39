package dev.ami.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * ami's readiness check, as MicroProfile Health finds it: it answers with whatever check the
 * application attached when it started, and DOWN before that and after it stopped.
 *
 * <p>It lives in a library of the EAR because WildFly's health extension searches one module's
 * CDI only, a different one from run to run, and every module's CDI sees the EAR's libraries. The
 * application's state (the connector, the database) is reached from the module that holds it,
 * which injects this bean and attaches its check.
 */
@Readiness
@ApplicationScoped
public class AmiReadinessCheck implements HealthCheck {

    /** The check's name in /health/ready. */
    public static final String NAME = "ami";

    private final AtomicReference<HealthCheck> attached = new AtomicReference<>();

    /** @param check answers for ami from now on, in place of any check attached before */
    public void attach(HealthCheck check) {
        attached.set(check);
    }

    /** @param check no longer answers for ami, if it still did (a later attach stays) */
    public void detach(HealthCheck check) {
        attached.compareAndSet(check, null);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheck check = attached.get();
        if (check == null) {
            return down("application", "not started");
        }
        return check.call();
    }

    // the constructor, not the builder: the builder needs a response provider, which only the server has
    private static HealthCheckResponse down(String key, String value) {
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of(key, value)));
    }
}
