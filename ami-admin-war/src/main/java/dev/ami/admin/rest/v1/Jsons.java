package dev.ami.admin.rest.v1;

import dev.ami.persistence.manager.FieldProblem;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Reads request bodies and writes answers as JSON (JSON-P), so that every error is the API's own. */
final class Jsons {

    /**
     * A name given twice in one object is refused (which one would count is the parser's choice):
     * JSON-P's option, and Parsson's own, which its parser (the server's) honours.
     */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE, "org.eclipse.parsson.rejectDuplicateKeys", true));

    private Jsons() {
    }

    /**
     * @param body the request body (UTF-8, -16 or -32, as RFC 8259 allows)
     * @return its one JSON value
     * @throws ProblemException 400 when it is not one JSON value; the detail gives the place, never the text
     */
    static JsonValue read(InputStream body) {
        try (JsonParser parser = PARSERS.createParser(body)) {
            if (!parser.hasNext()) {
                throw badJson("the body is empty");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw badJson("the body holds more than one JSON value");
            }
            return value;
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw badJson("the body is not JSON" + (at == null || at.getLineNumber() < 0 ? ""
                    : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"));
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            // the parser's message may quote the body (a duplicate name, for one)
            throw badJson("the body is not JSON, or names a member of an object twice");
        }
    }

    static ProblemException badJson(String detail) {
        return new ProblemException(new Problem(Problem.BAD_JSON, "The body is not the JSON expected", 400, detail,
                List.<FieldProblem>of()));
    }

    /** @return the JSON text in UTF-8 */
    static byte[] bytes(JsonStructure json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = Json.createWriter(out)) {
            writer.write(json);
        }
        return out.toByteArray();
    }

    /**
     * @param answer the response so far
     * @param body   its JSON body
     * @return the response, {@code application/json; charset=UTF-8}
     */
    static Response response(Response.ResponseBuilder answer, JsonStructure body) {
        return answer.type(MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name())).entity(bytes(body))
                .build();
    }
}
