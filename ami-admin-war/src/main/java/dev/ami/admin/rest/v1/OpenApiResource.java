package dev.ami.admin.rest.v1;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /ami/api/v1/openapi.json}: the API's OpenAPI 3 document, made at build time from
 * these classes (smallrye-open-api-maven-plugin, ami-admin-war's pom) and read here from the WAR.
 * No login: {@code login.ConfigLoginFilter} passes exactly this path, and this resource is not
 * bound to {@code ConfigWriterFilter} ({@code rest.ConfigWriters}), on purpose.
 */
@Path(OpenApiResource.PATH)
@Tag(name = OpenApiNames.SERVER)
public class OpenApiResource {

    /** The path under the application path. */
    public static final String PATH = "v1/openapi.json";

    /** Where the build puts the document, beside this class. */
    static final String RESOURCE = "openapi.json";

    /** @return the document */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This document", description = "OpenAPI 3, made from the code at build time. No login.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The OpenAPI document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public byte[] document() {
        return Document.BYTES;
    }

    /** Read once, on first use. */
    private static final class Document {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not beside " + OpenApiResource.class.getName()
                            + ": the build makes it (smallrye-open-api-maven-plugin)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
