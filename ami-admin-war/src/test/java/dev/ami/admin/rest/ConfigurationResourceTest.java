package dev.ami.admin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.persistence.manager.ConfigurationDiff;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The old endpoint's answer keeps its shape although the store's diff now goes field by field. */
class ConfigurationResourceTest {

    @Test
    void theReportShowsNamesOnlyAsBefore() throws Exception {
        ConfigurationDiff diff = new ConfigurationDiff(List.of("new"), List.of(), List.of("old"), List.of("port: 1 -> 2"),
                List.of(new ConfigurationDiff.Change("account", "new", "added",
                        List.of(new ConfigurationDiff.FieldChange("secret", null, ConfigurationDiff.MASK)))));
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals("{\"applied\":false,\"diff\":{\"accountsAdded\":[\"new\"],\"accountsChanged\":[],"
                    + "\"accountsRemoved\":[\"old\"],\"isEmpty\":false,\"settingsChanged\":[\"port: 1 -> 2\"]},\"warnings\":[]}",
                    jsonb.toJson(new ConfigurationResource.Report(false, null, ConfigurationResource.Diff.of(diff),
                            List.of())));
        }
    }
}
