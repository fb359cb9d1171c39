package dev.ami.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class AmiReadinessCheckTest {

    private final AmiReadinessCheck check = new AmiReadinessCheck();

    private static HealthCheck answering(Status status) {
        return () -> new HealthCheckResponse(AmiReadinessCheck.NAME, status, Optional.empty());
    }

    @Test
    void downUntilTheApplicationAttachesItsCheck() {
        HealthCheckResponse response = check.call();
        assertEquals("ami", response.getName());
        assertEquals(Status.DOWN, response.getStatus());
        assertEquals(Optional.of(Map.of("application", "not started")), response.getData());
    }

    @Test
    void theAttachedCheckAnswersUntilItIsDetached() {
        HealthCheck up = answering(Status.UP);
        check.attach(up);
        assertEquals(Status.UP, check.call().getStatus());
        check.detach(up);
        assertEquals(Status.DOWN, check.call().getStatus());
    }

    @Test
    void detachingAnEarlierCheckLeavesTheLaterOne() {
        HealthCheck earlier = answering(Status.DOWN);
        check.attach(earlier);
        check.attach(answering(Status.UP));
        check.detach(earlier);
        assertEquals(Status.UP, check.call().getStatus(), "a redeployed module's late stop must not detach its successor");
    }
}
