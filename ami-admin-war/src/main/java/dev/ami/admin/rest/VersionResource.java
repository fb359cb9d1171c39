package dev.ami.admin.rest;

import dev.ami.admin.rest.v1.OpenApiNames;
import dev.ami.api.AmiVersion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /ami/api/version}: which AMI level and Asterisk release this server reproduces. */
@Path("version")
@Tag(name = OpenApiNames.SERVER)
public class VersionResource {

    /**
     * @param ami      the AMI protocol level in the greeting
     * @param asterisk the Asterisk release whose behaviour is matched
     */
    public record Version(String ami, String asterisk) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Which AMI level and Asterisk release this server reproduces", description = "No login.")
    @SecurityRequirements
    public Version version() {
        return new Version(AmiVersion.AMI_VERSION, AmiVersion.ASTERISK_VERSION);
    }
}
