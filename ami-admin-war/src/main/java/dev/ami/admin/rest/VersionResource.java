package dev.ami.admin.rest;

import dev.ami.api.AmiVersion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /ami/api/version}: which AMI level and Asterisk release this server reproduces. */
@Path("version")
public class VersionResource {

    /**
     * @param ami      the AMI protocol level in the greeting
     * @param asterisk the Asterisk release whose behaviour is matched
     */
    public record Version(String ami, String asterisk) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Version version() {
        return new Version(AmiVersion.AMI_VERSION, AmiVersion.ASTERISK_VERSION);
    }
}
