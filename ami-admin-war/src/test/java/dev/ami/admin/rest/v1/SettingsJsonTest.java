package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.api.connector.GeneralSettings;
import dev.ami.persistence.manager.ConfigurationDiff;
import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.SettingsForm;
import dev.ami.persistence.manager.Templates;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON form of settings: typed members named as the file names them, read back the same, each wrong member named. */
class SettingsJsonTest {

    private static JsonValue json(String text) {
        return Jsons.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aViewIsTypedAndReadsBackAsTheSameValues() {
        Map<String, Object> values = SettingsForm.GENERAL.view().apply(GeneralSettings.DEFAULTS.toBuilder()
                .displayConnects(false).port(6038).channelVars(List.of("A", "B")).build());
        JsonObject view = SettingsJson.view(values);
        assertEquals(JsonValue.FALSE, view.get("displayconnects"));
        assertEquals(6038, view.getInt("port"));
        assertEquals("A,B", view.getString("channelvars"));
        assertEquals("::", view.getString("bindaddr"));
        List<FieldProblem> problems = new ArrayList<>();
        assertEquals(values, SettingsJson.values(SettingsForm.GENERAL, view, problems));
        assertEquals(List.of(), problems);
        JsonObject http = SettingsJson.view(SettingsForm.HTTP.defaults());
        assertEquals(List.of(), http.getJsonArray("redirect"));
        assertEquals(8088, http.getInt("bindport"));
    }

    @Test
    void membersLeftOutOrNullTakeTheDefaults() {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> values = SettingsJson.values(SettingsForm.GENERAL, json("{\"timestampevents\":true,"
                + "\"port\":null}"), problems);
        assertEquals(List.of(), problems);
        assertEquals(true, values.get("timestampevents"));
        assertEquals(5038, values.get("port"));
        assertEquals(SettingsForm.GENERAL.options().size(), values.size());
    }

    @Test
    void everyWrongMemberIsNamedWithoutItsValue() {
        List<FieldProblem> problems = new ArrayList<>();
        SettingsJson.values(SettingsForm.HTTP, json("{\"enabled\":\"yes\",\"bindport\":80.5,\"sessionlimit\":99999999999,"
                + "\"prefix\":1,\"redirect\":[\"/a /b\",2],\"port\":5038}"), problems);
        assertEquals(List.of(new FieldProblem("port", "is not an option of http.conf [general] that this API takes"),
                new FieldProblem("enabled", "must be true or false"), new FieldProblem("bindport", "must be a whole number"),
                new FieldProblem("prefix", "must be a string"), new FieldProblem("sessionlimit", "must be a whole number"),
                new FieldProblem("redirect", "must be an array of strings")), problems);
        assertThrows(ProblemException.class, () -> SettingsJson.values(SettingsForm.HTTP, json("[]"), problems));
    }

    @Test
    void changesAndTemplatesNeverShowASecret() {
        ConfigurationDiff diff = new ConfigurationDiff(List.of("a"), List.of(), List.of(), List.of(), List.of(
                new ConfigurationDiff.Change("account", "a", "added", List.of(
                        new ConfigurationDiff.FieldChange("secret", null, ConfigurationDiff.MASK),
                        new ConfigurationDiff.FieldChange("writeTimeout", null, 300),
                        new ConfigurationDiff.FieldChange("acl", null, List.of("deny = 0.0.0.0/0"))))));
        assertEquals(json("""
                [{"kind":"account","name":"a","change":"added","fields":[{"field":"secret","before":null,"after":"********"},
                 {"field":"writeTimeout","before":null,"after":300},
                 {"field":"acl","before":null,"after":["deny = 0.0.0.0/0"]}]}]"""), SettingsJson.changes(diff));
        JsonObject template = SettingsJson.template(new Templates.Template("ops", List.of(), Map.of("secret", "hidden"),
                List.of("user01")));
        assertEquals("********", template.getJsonObject("options").getString("secret"));
        assertTrue(!template.toString().contains("hidden"));
        assertEquals(List.of("user01"), template.getJsonArray("accounts").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
    }
}
