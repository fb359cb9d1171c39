package dev.ami.persistence.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.persistence.conf.AsteriskConfigParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationDiffTest {

    @Test
    void namesAddedChangedAndRemovedAccountsAndChangedSettings() throws Exception {
        ImportedConfiguration before = ManagerConfReader.read("[general]\nenabled=yes\nport=5038\n"
                + "[admin]\nsecret=a\nread=all\n[old]\nsecret=o\n[same]\nsecret=s\n");
        ImportedConfiguration after = ManagerConfReader.read("[general]\nenabled=yes\nport=6038\n"
                + "[ADMIN]\nsecret=b\nread=all\n[same]\nsecret=s\n[new]\nsecret=n\n");
        ConfigurationDiff diff = ConfigurationDiff.between(before, after);
        assertEquals(List.of("new"), diff.accountsAdded());
        assertEquals(List.of("ADMIN"), diff.accountsChanged());
        assertEquals(List.of("old"), diff.accountsRemoved());
        assertEquals(List.of("port: 5038 -> 6038"), diff.settingsChanged());
        assertTrue(!diff.toString().contains("secret") && !diff.toString().contains("=b"), diff.toString());
        assertTrue(ConfigurationDiff.between(after, after).isEmpty());
    }

    @Test
    void namesChangedHttpRestrictions() throws Exception {
        var before = HttpConfReader.read("[/rawman]\ntype=restriction\n", AsteriskConfigParser.NO_INCLUDES).settings();
        var after = HttpConfReader.read("[/rawman]\ntype=restriction\ndeny=127.0.0.1\n",
                AsteriskConfigParser.NO_INCLUDES).settings();
        assertEquals(List.of("restrictions: [[/rawman]] -> [[/rawman] deny 127.0.0.1/255.255.255.255]"),
                ConfigurationDiff.between(before, after).settingsChanged());
    }

    @Test
    void goesFieldByFieldWithSecretsMasked() throws Exception {
        String beforeText = "[general]\nport=5038\n[base](!)\n[t](!)\nread=all\n[a](t)\nsecret=one\n[gone]\nsecret=g\n";
        String afterText = "[general]\nport=6038\n[base](!)\n[t](!,base)\nread=all\nwrite=all\n[a]\nsecret=two\nread=all\n";
        var beforeDoc = AsteriskConfigParser.parse("manager.conf", beforeText, AsteriskConfigParser.NO_INCLUDES);
        var afterDoc = AsteriskConfigParser.parse("manager.conf", afterText, AsteriskConfigParser.NO_INCLUDES);
        ConfigurationDiff diff = ConfigurationDiff.between(ManagerConfReader.read(beforeDoc), ManagerConfReader.read(afterDoc))
                .withTemplates(beforeDoc, afterDoc);
        assertEquals(List.of(
                new ConfigurationDiff.Change("general", "general", "changed",
                        List.of(new ConfigurationDiff.FieldChange("port", 5038, 6038))),
                new ConfigurationDiff.Change("account", "a", "changed",
                        List.of(new ConfigurationDiff.FieldChange("secret", "********", "********"))),
                new ConfigurationDiff.Change("account", "gone", "removed",
                        List.of(new ConfigurationDiff.FieldChange("secret", "********", null))),
                new ConfigurationDiff.Change("template", "t", "changed", List.of(
                        new ConfigurationDiff.FieldChange("templates", null, List.of("base")),
                        new ConfigurationDiff.FieldChange("write", null, "all")))), diff.changes());
        assertEquals(List.of(), ConfigurationDiff.between(ManagerConfReader.read(afterDoc), ManagerConfReader.read(afterDoc))
                .withTemplates(afterDoc, afterDoc).changes());
        String shown = diff.changes().toString();
        assertTrue(!shown.contains("=one") && !shown.contains("=two"), shown);
    }

    @Test
    void anAccountsUpstreamsAreAField() throws Exception {
        ConfigurationDiff diff = ConfigurationDiff.between(ManagerConfReader.read("[a]\nupstreams = pbx1\n"),
                ManagerConfReader.read("[a]\nupstreams = pbx1,pbx2\n"));
        assertEquals(List.of("a"), diff.accountsChanged());
        assertEquals(List.of(new ConfigurationDiff.FieldChange("upstreams", List.of("pbx1"), List.of("pbx1", "pbx2"))),
                diff.changes().get(0).fields());
    }
}
