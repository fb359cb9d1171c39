package dev.ami.persistence.configactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.ActionRequest;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigParseException;
import dev.ami.persistence.conf.ConfigSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration actions over a stored manager.conf, in Asterisk's formats (facts §5.4–5.5, transcript §15). */
class ConfigActionsTest {

    private static final String STORED = """
            [general]
            enabled = yes
            port = 5038
            [admin]
            secret = s3cret
            read = all
            write = all
            [limited]
            secret = pw2
            permit = 127.0.0.1/255.255.255.255
            read = system,call
            write = system
            """;

    private static final String HTTP = "[general]\nenabled = yes\nbindaddr = 127.0.0.1\n";

    @TempDir
    Path conf;

    private final List<List<Category>> saved = new ArrayList<>();
    private String stored = STORED;

    private StoredFiles files() {
        return new StoredFiles(null, conf) {
            @Override
            List<Category> categories(ConfigFile file) {
                // as the store keeps an imported file: parsed, then rendered as loaded
                String name = file == ConfigFile.HTTP ? "http.conf" : "manager.conf";
                try {
                    String loaded = AsteriskConfigParser.parse(name, file == ConfigFile.HTTP ? HTTP : stored,
                            AsteriskConfigParser.NO_INCLUDES).render();
                    return StoredFiles.categoriesOf(name, loaded);
                } catch (ConfigParseException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            void save(ConfigFile file, List<Category> categories) {
                saved.add(categories);
            }
        };
    }

    private String run(ConfigAction action, Authority write, String... headers) {
        List<String> lines = new ArrayList<>();
        lines.add("Action: " + action.name());
        for (int i = 0; i < headers.length; i += 2) {
            lines.add(headers[i] + ": " + headers[i + 1]);
        }
        List<ManagerMessage> out = action.handle(new ActionRequest(new ManagerAction(lines), "someone", write), files());
        return out.stream().map(ConfigActionsTest::wire).collect(Collectors.joining());
    }

    private static String wire(ManagerMessage m) {
        StringBuilder sb = new StringBuilder();
        m.headers().forEach(h -> sb.append(h.isRaw() ? h.name() : h.name() + ": " + h.value()).append("\r\n"));
        return sb.append("\r\n").toString();
    }

    @Test
    void getConfigShowsSecretsToConfigWritersOnly() {
        String full = run(new GetConfigAction(), Authority.parse("config"), "Filename", "manager.conf", "ActionID", "c3");
        assertEquals("Response: Success\r\nActionID: c3\r\nCategory-000000: general\r\nLine-000000-000000: enabled=yes\r\n"
                + "Line-000000-000001: port=5038\r\nCategory-000001: admin\r\nLine-000001-000000: secret=s3cret\r\n"
                + "Line-000001-000001: read=all\r\nLine-000001-000002: write=all\r\nCategory-000002: limited\r\n"
                + "Line-000002-000000: secret=pw2\r\nLine-000002-000001: permit=127.0.0.1/255.255.255.255\r\n"
                + "Line-000002-000002: read=system,call\r\nLine-000002-000003: write=system\r\n\r\n", full);
        String masked = run(new GetConfigAction(), Authority.parse("system"), "Filename", "manager.conf",
                "Category", "limited");
        assertEquals("Response: Success\r\nCategory-000000: limited\r\nLine-000000-000000: secret=********\r\n"
                + "Line-000000-000001: permit=127.0.0.1/255.255.255.255\r\nLine-000000-000002: read=system,call\r\n"
                + "Line-000000-000003: write=system\r\n\r\n", masked);
    }

    @Test
    void getConfigOfTheTranscriptsManagerConfIsTheTranscriptsAnswer() throws Exception {
        try (var in = getClass().getResourceAsStream("/transcript-setup/manager.conf")) {
            stored = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // transcript §15, the admin-visible answer (secrets shown to a config writer), paths without <PREFIX>
        String expected = """
                Response: Success
                ActionID: c3
                Category-000000: general
                Line-000000-000000: enabled=yes
                Line-000000-000001: webenabled=yes
                Line-000000-000002: port=15038
                Line-000000-000003: bindaddr=127.0.0.1
                Line-000000-000004: tlsenable=yes
                Line-000000-000005: tlsbindaddr=127.0.0.1:15039
                Line-000000-000006: tlscertfile=/etc/asterisk/keys/ami-cert.pem
                Line-000000-000007: tlsprivatekey=/etc/asterisk/keys/ami-key.pem
                Line-000000-000008: displayconnects=yes
                Line-000000-000009: allowmultiplelogin=yes
                Line-000000-000010: timestampevents=no
                Line-000000-000011: httptimeout=60
                Line-000000-000012: authtimeout=30
                Line-000000-000013: authlimit=200
                Category-000001: admin
                Line-000001-000000: secret=s3cret
                Line-000001-000001: deny=0.0.0.0/0.0.0.0
                Line-000001-000002: permit=127.0.0.1/255.255.255.255
                Line-000001-000003: read=all
                Line-000001-000004: write=all
                Category-000002: limited
                Line-000002-000000: secret=pw2
                Line-000002-000001: deny=0.0.0.0/0.0.0.0
                Line-000002-000002: permit=127.0.0.1/255.255.255.255
                Line-000002-000003: read=system,call
                Line-000002-000004: write=system
                Category-000003: filtered
                Line-000003-000000: secret=pw3
                Line-000003-000001: deny=0.0.0.0/0.0.0.0
                Line-000003-000002: permit=127.0.0.1/255.255.255.255
                Line-000003-000003: read=all
                Line-000003-000004: write=all
                Line-000003-000005: eventfilter=Event: UserEvent
                Line-000003-000006: eventfilter(action(exclude),header(UserEvent),method(exact))=Blocked

                """.replace("\n", "\r\n");
        assertEquals(expected, run(new GetConfigAction(), Authority.parse("config"), "Filename", "manager.conf",
                "ActionID", "c3"));
    }

    @Test
    void templatesAreLeftOutUnlessTheFilterAsksForThemAsInAsterisk() {
        stored = """
                [general]
                enabled = yes
                [ops](!)
                read = all
                [alice](ops)
                secret = a
                """;
        String general = "Category-000000: general\r\nLine-000000-000000: enabled=yes\r\n";
        assertEquals("Response: Success\r\n" + general + "Category-000001: alice\r\nTemplates-000001: ops\r\n"
                + "Line-000001-000000: read=all\r\nLine-000001-000001: secret=a\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "manager.conf"));
        assertEquals("Response: Success\r\nJSON: {\"alice\":{\"templates\":\"ops\",\"read\":\"all\",\"secret\":\"a\"}}\r\n\r\n",
                run(new GetConfigJsonAction(), Authority.ALL, "Filename", "manager.conf", "Category", "alice"));
        assertEquals("Response: Success\r\n" + general + "Category-000001: ops\r\nIsTemplate-000001: 1\r\n"
                + "Line-000001-000000: read=all\r\nCategory-000002: alice\r\nTemplates-000002: ops\r\n"
                + "Line-000002-000000: read=all\r\nLine-000002-000001: secret=a\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "manager.conf", "Filter", "TEMPLATES=include"));
        assertEquals("Response: Success\r\nCategory-000000: ops\r\nIsTemplate-000000: 1\r\nLine-000000-000000: read=all\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "manager.conf", "Filter", "TEMPLATES=restrict"));
        // every expression must match, separated by ',' or '&'; one without '=' matches nothing
        assertEquals("Response: Success\r\nCategory-000000: alice\r\nTemplates-000000: ops\r\nLine-000000-000000: read=all\r\n"
                + "Line-000000-000001: secret=a\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "manager.conf", "Filter", "read=all&secret=^a$"));
        assertEquals("Response: Success\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "manager.conf", "Filter", "read=all,secret"));
        assertEquals("Response: Success\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "manager.conf", "Filter", "read=(unclosed"));
    }

    @Test
    void getConfigSelectionsAndRefusals() {
        assertEquals("Response: Success\r\nNo categories found\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "manager.conf", "Category", "nobody"));
        assertEquals("Response: Success\r\nCategory-000000: limited\r\nLine-000000-000000: secret=pw2\r\n"
                + "Line-000000-000001: permit=127.0.0.1/255.255.255.255\r\nLine-000000-000002: read=system,call\r\n"
                + "Line-000000-000003: write=system\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "manager.conf", "Filter", "write=^system$"));
        assertEquals("Response: Error\r\nMessage: Filename not specified\r\n\r\n", run(new GetConfigAction(), Authority.ALL));
        assertEquals("Response: Error\r\nMessage: Config file not found\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "sip.conf"));
        assertEquals("Response: Error\r\nMessage: Config file not found\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "../no-such-file.conf"));
    }

    @Test
    void aPathOutOfTheFolderToAnExistingFileNeedsEscalatedPrivileges() throws Exception {
        Path outside = Files.createTempFile("passwd", "");
        String relative = conf.relativize(outside).toString();
        try {
            for (ConfigAction a : List.of(new GetConfigAction(), new GetConfigJsonAction(), new ListCategoriesAction())) {
                assertEquals("Response: Error\r\nMessage: File requires escalated privileges\r\n\r\n",
                        run(a, Authority.ALL, "Filename", relative), a.name());
            }
            assertEquals("Response: Error\r\nMessage: File requires escalated privileges\r\n\r\n",
                    run(new CreateConfigAction(), Authority.ALL, "Filename", "../../new.conf"));
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void getConfigJsonAsAsteriskWritesIt() {
        assertEquals("Response: Success\r\nJSON: {\"limited\":{\"secret\":\"********\",\"permit\":\"127.0.0.1/255.255.255.255\","
                + "\"read\":\"system,call\",\"write\":\"system\"}}\r\n\r\n",
                run(new GetConfigJsonAction(), Authority.parse("system"), "Filename", "manager.conf", "Category", "limited"));
        assertEquals("Response: Error\r\nMessage: File requires escalated privileges\r\n\r\n",
                run(new GetConfigJsonAction(), Authority.ALL, "Filename", "missing.conf"));
    }

    @Test
    void listCategories() {
        assertEquals("Response: Success\r\nCategory-000000: general\r\nCategory-000001: admin\r\nCategory-000002: limited\r\n\r\n",
                run(new ListCategoriesAction(), Authority.ALL, "Filename", "manager.conf"));
    }

    @Test
    void httpConfIsServedToo() {
        assertEquals("Response: Success\r\nCategory-000000: general\r\nLine-000000-000000: enabled=yes\r\n"
                + "Line-000000-000001: bindaddr=127.0.0.1\r\n\r\n",
                run(new GetConfigAction(), Authority.ALL, "Filename", "http.conf"));
        assertEquals("Response: Error\r\nMessage: File requires escalated privileges\r\n\r\n",
                run(new UpdateConfigAction(), Authority.ALL, "SrcFilename", "http.conf", "DstFilename", "manager.conf",
                        "Action-000000", "EmptyCat", "Cat-000000", "general"));
    }

    @Test
    void createConfigCreatesNothing() {
        assertEquals("Response: Error\r\nMessage: File exists\r\n\r\n",
                run(new CreateConfigAction(), Authority.ALL, "Filename", "manager.conf"));
    }

    @Test
    void updateConfigAppliesEveryEditInOrderThenSavesOnce() {
        assertEquals("Response: Success\r\nActionID: u1\r\n\r\n", run(new UpdateConfigAction(), Authority.ALL,
                "SrcFilename", "manager.conf", "DstFilename", "manager.conf", "ActionID", "u1",
                "Action-000000", "NewCat", "Cat-000000", "ops",
                "Action-000001", "Append", "Cat-000001", "ops", "Var-000001", "secret", "Value-000001", "op;s",
                "Action-000002", "Update", "Cat-000002", "limited", "Var-000002", "write", "Value-000002", "system,config",
                "Action-000003", "Delete", "Cat-000003", "limited", "Var-000003", "permit",
                "Action-000004", "RenameCat", "Cat-000004", "admin", "Value-000004", "root"));
        StringBuilder text = new StringBuilder();
        saved.get(0).forEach(c -> c.render(text));
        assertEquals("[general]\nenabled = yes\nport = 5038\n\n[root]\nsecret = s3cret\nread = all\nwrite = all\n\n"
                + "[limited]\nsecret = pw2\nread = system,call\nwrite = system,config\n\n[ops]\nsecret = op\\;s\n\n", text.toString());
    }

    @Test
    void updateConfigErrorsAreAsterisksAndNothingIsSaved() {
        assertEquals("Given category does not exist", apply("Action-000000", "Append", "Cat-000000", "nobody",
                "Var-000000", "x"));
        assertEquals("Category not specified", apply("Action-000000", "Append"));
        assertEquals("Problem with category, value, or line (if required)", apply("Action-000000", "Append",
                "Cat-000000", "admin"));
        assertEquals("Create category did not complete successfully", apply("Action-000000", "NewCat", "Cat-000000", "admin"));
        assertEquals("Update did not complete successfully", apply("Action-000000", "Update", "Cat-000000", "admin",
                "Var-000000", "nosuch", "Value-000000", "1"));
        assertEquals("Unknown action command", apply("Action-000000", "Explode", "Cat-000000", "admin"));
        assertEquals("Template category not found", apply("Action-000000", "NewCat", "Cat-000000", "x",
                "Options-000000", "inherit=nosuch"));
        assertNull(apply("Action-000000", "NewCat", "Cat-000000", "admin", "Options-000000", "allowdups"));
        assertEquals("Response: Error\r\nMessage: Given category does not exist\r\n\r\n", run(new UpdateConfigAction(),
                Authority.ALL, "SrcFilename", "manager.conf", "DstFilename", "manager.conf", "Action-000000", "DelCat",
                "Cat-000000", "nobody"));
        assertEquals(List.of(), saved);
    }

    @Test
    void updateConfigLeavesTemplatesAloneUnlessItsCatfilterAsksAsInAsterisk() {
        stored = "[ops](!)\nread = all\n[alice](ops)\nsecret = a\npermit = 10.0.0.1\npermit = 10.0.0.2\n";
        assertEquals("Given category does not exist", apply("Action-000000", "Append", "Cat-000000", "ops",
                "Var-000000", "write", "Value-000000", "all"));
        assertNull(apply("Action-000000", "Append", "Cat-000000", "ops", "Var-000000", "write", "Value-000000", "all",
                "Options-000000", "catfilter=TEMPLATES=include"));
        // only a template can be inherited from; a name taken by a template is taken
        assertEquals("Template category not found", apply("Action-000000", "NewCat", "Cat-000000", "bob",
                "Options-000000", "inherit=alice"));
        assertNull(apply("Action-000000", "NewCat", "Cat-000000", "bob", "Options-000000", "inherit=ops"));
        assertEquals("Create category did not complete successfully", apply("Action-000000", "NewCat", "Cat-000000", "OPS"));
        assertNull(apply("Action-000000", "NewCat", "Cat-000000", "OPS", "Options-000000", "ignoreerror"));
        // Delete: a line number is the only criterion; nothing found is "Update did not complete", unless forgiven
        assertNull(apply("Action-000000", "Delete", "Cat-000000", "alice", "Var-000000", "nosuch", "Line-000000", "0"));
        assertEquals("Update did not complete successfully", apply("Action-000000", "Delete", "Cat-000000", "alice",
                "Var-000000", "nosuch"));
        assertNull(apply("Action-000000", "Delete", "Cat-000000", "alice", "Var-000000", "nosuch",
                "Options-000000", "ignoreerror"));
        assertNull(apply("Action-000000", "DelCat", "Cat-000000", "nobody", "Options-000000", "ignoreerror"));
    }

    private String apply(String... headers) {
        List<String> lines = new ArrayList<>(List.of("Action: UpdateConfig"));
        for (int i = 0; i < headers.length; i += 2) {
            lines.add(headers[i] + ": " + headers[i + 1]);
        }
        return UpdateConfigAction.apply(new ManagerAction(lines), new ArrayList<>(files().categories(ConfigFile.MANAGER)));
    }
}
