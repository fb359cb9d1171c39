package dev.ami.admin.rest.v1;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /ami/api/v1/openapi.json}: the API's OpenAPI 3 document, made at build time from
 * these classes (smallrye-open-api-maven-plugin, ami-admin-war's pom) and read here from the WAR.
 */
@Path(OpenApiResource.PATH)
public class OpenApiResource {

    /** The path under the application path. */
    public static final String PATH = "v1/openapi.json";

    /** Where the build puts the document, beside this class. */
    static final String RESOURCE = "openapi.json";

    /** @return the document */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
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
