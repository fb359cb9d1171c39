package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ami.admin.rest.v1.JaxRsEndpoints.Endpoint;
import dev.ami.persistence.manager.SettingsForm;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the build makes (smallrye-open-api-maven-plugin, into the classes beside
 * {@link OpenApiResource}) names every JAX-RS endpoint of the WAR and nothing else, and
 * docs/openapi.json is a copy of it.
 */
class OpenApiDocumentTest {

    /** The WAR's context root (ami-ear's pom). */
    private static final String CONTEXT_ROOT = "/ami";

    /** What refreshes the committed copy, from the repository's root. */
    static final String REFRESH = "mvn -B -q process-classes -pl ami-admin-war -am"
            + " && cp ami-admin-war/target/classes/dev/ami/admin/rest/v1/openapi.json docs/openapi.json";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static final String PACKAGE = "dev.ami.admin.rest";

    private static Path generated() {
        return JaxRsEndpoints.classesFolder().resolve(OpenApiResource.class.getPackageName().replace('.', '/'))
                .resolve(OpenApiResource.RESOURCE);
    }

    private static JsonObject read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    @Test
    void theDocumentNamesEveryEndpointOfTheCode() throws IOException {
        JsonObject document = read(generated());
        List<Class<?>> classes = JaxRsEndpoints.classes(PACKAGE);
        String application = JaxRsEndpoints.applicationPath(classes);
        assertEquals(List.of(CONTEXT_ROOT + application), document.getJsonArray("servers").stream()
                .map(s -> s.asJsonObject().getString("url")).toList(), "the document's paths are under the application's");
        Set<String> documented = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(HTTP_METHODS::contains).forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " "
                        + application + path)));
        List<Endpoint> endpoints = JaxRsEndpoints.find(classes);
        assertTrue(endpoints.stream().anyMatch(e -> e.path().equals("/api/v1/accounts/{name}")),
                "the scan finds the accounts: " + endpoints);
        List<String> missing = new ArrayList<>();
        Set<String> inCode = new TreeSet<>();
        for (Endpoint e : endpoints) {
            inCode.add(e.method() + " " + e.path());
            if (!documented.contains(e.method() + " " + e.path())) {
                missing.add(e.method() + " " + e.path() + " (" + e.source() + ")");
            }
        }
        assertEquals(List.of(), missing, "endpoints the OpenAPI document does not name");
        documented.removeAll(inCode);
        assertEquals(Set.of(), documented, "operations the document names that the code does not have");
    }

    @Test
    void theCommittedCopyIsTheGeneratedDocument() throws IOException {
        Path committed = Path.of(System.getProperty("ami.openapi.committed", "../docs/openapi.json"));
        String refresh = " is not the OpenAPI document the build makes from the code; refresh it from the repository's"
                + " root with:\n  " + REFRESH + "\n";
        if (!Files.exists(committed)) {
            fail(committed + " is missing; make it from the repository's root with:\n  " + REFRESH + "\n");
        }
        String difference = firstDifference("", read(generated()), read(committed));
        if (difference != null) {
            fail("docs/openapi.json" + refresh + "(first difference at " + difference + ")");
        }
    }

    @Test
    void theResourceServesTheGeneratedDocumentAtThePathTheLoginLeavesOpen() throws IOException {
        assertArrayEquals(Files.readAllBytes(generated()), new OpenApiResource().document());
        assertTrue(read(generated()).getString("openapi").startsWith("3."));
        String application = JaxRsEndpoints.applicationPath(JaxRsEndpoints.classes(PACKAGE));
        assertEquals("/api/v1/openapi.json", JaxRsEndpoints.normalize(application + "/" + OpenApiResource.PATH));
    }

    /** The settings' schemas name exactly the options SettingsForm reads and writes, typed as it types them. */
    @Test
    void theSettingsSchemasAreTheSettingsForms() throws IOException {
        JsonObject schemas = read(generated()).getJsonObject("components").getJsonObject("schemas");
        for (var entry : List.of(Map.entry("GeneralSettings", SettingsForm.GENERAL), Map.entry("HttpSettings",
                SettingsForm.HTTP))) {
            Map<String, String> documented = new LinkedHashMap<>();
            schemas.getJsonObject(entry.getKey()).getJsonObject("properties").forEach((name, schema) -> {
                if (!name.equals("warnings")) {
                    documented.put(name, schema.asJsonObject().get("type").toString());
                }
            });
            Map<String, String> form = new LinkedHashMap<>();
            entry.getValue().options().forEach(o -> form.put(o.name(), switch (o.kind()) {
                case BOOLEAN -> "[\"boolean\",\"null\"]";
                case NUMBER -> "[\"integer\",\"null\"]";
                case TEXT -> "[\"string\",\"null\"]";
                case LIST -> "[\"array\",\"null\"]";
            }));
            assertEquals(form, documented, entry.getKey() + " in openapi.yaml");
        }
    }

    /** @return the JSON pointer of the first place where the two differ, or null if they are equal */
    static String firstDifference(String pointer, JsonValue a, JsonValue b) {
        if (a.equals(b)) {
            return null;
        }
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            Set<String> names = new TreeSet<>(x.keySet());
            names.addAll(y.keySet());
            for (String name : names) {
                String here = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!x.containsKey(name) || !y.containsKey(name)) {
                    return here + (x.containsKey(name) ? " (only in the generated one)" : " (only in the committed one)");
                }
                String below = firstDifference(here, x.get(name), y.get(name));
                if (below != null) {
                    return below;
                }
            }
        }
        if (a instanceof JsonArray x && b instanceof JsonArray y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                String below = firstDifference(pointer + "/" + i, x.get(i), y.get(i));
                if (below != null) {
                    return below;
                }
            }
        }
        return pointer.isEmpty() ? "/" : pointer;
    }
}
