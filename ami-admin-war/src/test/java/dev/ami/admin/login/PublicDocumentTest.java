package dev.ami.admin.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The login filter passes exactly one request shape without a login: a read of the OpenAPI document. */
class PublicDocumentTest {

    @Test
    void aReadOfTheDocumentNeedsNoLogin() {
        assertTrue(ConfigLoginFilter.isPublicDocument("GET", "/ami", "/ami/api/v1/openapi.json"));
        assertTrue(ConfigLoginFilter.isPublicDocument("HEAD", "/ami", "/ami/api/v1/openapi.json"));
    }

    @Test
    void everyOtherMethodNeedsOne() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get")) {
            assertFalse(ConfigLoginFilter.isPublicDocument(method, "/ami", "/ami/api/v1/openapi.json"), method);
        }
    }

    @Test
    void noVariantOfThePathPasses() {
        for (String uri : List.of("/ami/api/v1/accounts", "/ami/api/v1/accounts/openapi.json",
                "/ami/api/v1/openapi.json/", "/ami/api/v1/openapi.json;x=1", "/ami/api/v1/accounts;/openapi.json",
                "/ami/api/v1//openapi.json", "/ami/api//v1/openapi.json", "/ami/api/v1/./openapi.json",
                "/ami/api/v1/openapi.json/../accounts", "/ami/api/v1/openapi.json/..;/accounts",
                "/ami/api/v1/%6Fpenapi.json", "/ami/api/v1%2Fopenapi.json", "/ami/api/V1/openapi.json",
                "/ami/api/v1/openapi.JSON", "/ami/api/config/openapi.json", "/ami/api/v1/openapi.json%00",
                "/api/v1/openapi.json", "/other/api/v1/openapi.json", "")) {
            assertFalse(ConfigLoginFilter.isPublicDocument("GET", "/ami", uri), uri);
        }
    }
}
