package dev.ami.persistence.configactions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.authority.Authority;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.conf.AsteriskConfigParser;
import dev.ami.persistence.conf.ConfigParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration actions over a stored manager.conf, in Asterisk's formats (main/manager.c,
 * action_getconfig, action_getconfigjson, action_listcategories, action_updateconfig).
 */
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
            void save(ConfigFile file, List<Category> categories, Actor actor) {
                saved.add(categories);
            }
        };
    }

    private String run(Function<StoredFiles, ConfigFileAction> action, Authority write, String... headers) {
        ConfigFileAction handler = action.apply(files());
        List<String> lines = new ArrayList<>();
        lines.add("Action: " + handler.getClass().getAnnotation(AmiAction.class).name());
        for (int i = 0; i < headers.length; i += 2) {
            lines.add(headers[i] + ": " + headers[i + 1]);
        }
        List<ManagerMessage> out = handler.handle(new ActionRequest(new ManagerAction(lines), "someone", write));
        return out.stream().map(ConfigActionsTest::wire).collect(Collectors.joining());
    }

    private static String wire(ManagerMessage m) {
        StringBuilder sb = new StringBuilder();
        m.headers().forEach(h -> sb.append(h.isRaw() ? h.name() : h.name() + ": " + h.value()).append("\r\n"));
        return sb.append("\r\n").toString();
    }

    @Test
    void getConfigShowsSecretsToConfigWritersOnly() {
        String full = run(GetConfigAction::new, Authority.parse("config"), "Filename", "manager.conf", "ActionID", "c3");
        assertEquals("Response: Success\r\nActionID: c3\r\nCategory-000000: general\r\nLine-000000-000000: enabled=yes\r\n"
                + "Line-000000-000001: port=5038\r\nCategory-000001: admin\r\nLine-000001-000000: secret=s3cret\r\n"
                + "Line-000001-000001: read=all\r\nLine-000001-000002: write=all\r\nCategory-000002: limited\r\n"
                + "Line-000002-000000: secret=pw2\r\nLine-000002-000001: permit=127.0.0.1/255.255.255.255\r\n"
                + "Line-000002-000002: read=system,call\r\nLine-000002-000003: write=system\r\n\r\n", full);
        String masked = run(GetConfigAction::new, Authority.parse("system"), "Filename", "manager.conf",
                "Category", "limited");
        assertEquals("Response: Success\r\nCategory-000000: limited\r\nLine-000000-000000: secret=********\r\n"
                + "Line-000000-000001: permit=127.0.0.1/255.255.255.255\r\nLine-000000-000002: read=system,call\r\n"
                + "Line-000000-000003: write=system\r\n\r\n", masked);
    }

    @Test
    void getConfigOfTheRecordedManagerConfIsAsterisksAnswer() throws Exception {
        try (var in = getClass().getResourceAsStream("/transcript-setup/manager.conf")) {
            stored = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // as recorded from Asterisk 22.10.1 with this manager.conf, the answer to a config writer (secrets shown)
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
        assertEquals(expected, run(GetConfigAction::new, Authority.parse("config"), "Filename", "manager.conf",
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
                run(GetConfigAction::new, Authority.ALL, "Filename", "manager.conf"));
        assertEquals("Response: Success\r\nJSON: {\"alice\":{\"templates\":\"ops\",\"read\":\"all\",\"secret\":\"a\"}}\r\n\r\n",
                run(GetConfigJsonAction::new, Authority.ALL, "Filename", "manager.conf", "Category", "alice"));
        assertEquals("Response: Success\r\n" + general + "Category-000001: ops\r\nIsTemplate-000001: 1\r\n"
                + "Line-000001-000000: read=all\r\nCategory-000002: alice\r\nTemplates-000002: ops\r\n"
                + "Line-000002-000000: read=all\r\nLine-000002-000001: secret=a\r\n\r\n",
                run(GetConfigAction::new, Authority.ALL, "Filename", "manager.conf", "Filter", "TEMPLATES=include"));
        assertEquals("Response: Success\r\nCategory-000000: ops\r\nIsTemplate-000000: 1\r\nLine-000000-000000: read=all\r\n\r\n",
                run(GetConfigAction::new, Authority.ALL, "Filename", "manager.conf", "Filter", "TEMPLATES=restrict"));
        // every expression must match, separated by ',' or '&'; one without '=' matches nothing
        assertEquals("Response: Success\r\nCategory-000000: alice\r\nTemplates-000000: ops\r\nLine-000000-000000: read=all\r\n"
                + "Line-000000-000001: secret=a\r\n\r\n",
                run(GetConfigAction::new, Authority.ALL, "Filename", "manager.conf", "Filter", "read=all&secret=^a$"));
        assertEquals("Response: Success\r\n\r\n",
                run(GetConfigAction::new, Authority.ALL, "Filename", "manager.conf", "Filter", "read=all,secret"));
        assertEquals("Response: Success\r\n\r\n",
                run(GetConfigAction::new, Authority.ALL, "Filename", "manager.conf", "Filter", "read=(unclosed"));
    }

    @Test
    void getConfigSelectionsAndRefusals() {
        assertEquals("Response: Success\r\nNo categories found\r\n\r\n",
                run(GetConfigAction::new, Authority.ALL, "Filename", "manager.conf", "Category", "nobody"));
        assertEquals("Response: Success\r\nCategory-000000: limited\r\nLine-000000-000000: secret=pw2\r\n"
                + "Line-000000-000001: permit=127.0.0.1/255.255.255.255\r\nLine-000000-000002: read=system,call\r\n"
                + "Line-000000-000003: write=system\r\n\r\n",
                run(GetConfigAction::new, Authority.ALL, "Filename", "manager.conf", "Filter", "write=^system$"));
        assertEquals("Response: Error\r\nMessage: Filename not specified\r\n\r\n", run(GetConfigAction::new, Authority.ALL));
        assertEquals("Response: Error\r\nMessage: Config file not found\r\n\r\n",
                run(GetConfigAction::new, Authority.ALL, "Filename", "sip.conf"));
        // by its name alone: outside the folder, whether or not such a file exists
        assertEquals("Response: Error\r\nMessage: File requires escalated privileges\r\n\r\n",
                run(GetConfigAction::new, Authority.ALL, "Filename", "../no-such-file.conf"));
    }

    @Test
    void aPathOutOfTheFolderToAnExistingFileNeedsEscalatedPrivileges() throws Exception {
        Path outside = Files.createTempFile("passwd", "");
        String relative = conf.relativize(outside).toString();
        try {
            for (Function<StoredFiles, ConfigFileAction> a : List.<Function<StoredFiles, ConfigFileAction>>of(
                    GetConfigAction::new, GetConfigJsonAction::new, ListCategoriesAction::new)) {
                assertEquals("Response: Error\r\nMessage: File requires escalated privileges\r\n\r\n",
                        run(a, Authority.ALL, "Filename", relative));
            }
            assertEquals("Response: Error\r\nMessage: File requires escalated privileges\r\n\r\n",
                    run(CreateConfigAction::new, Authority.ALL, "Filename", "../../new.conf"));
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void getConfigJsonAsAsteriskWritesIt() {
        assertEquals("Response: Success\r\nJSON: {\"limited\":{\"secret\":\"********\",\"permit\":\"127.0.0.1/255.255.255.255\","
                + "\"read\":\"system,call\",\"write\":\"system\"}}\r\n\r\n",
                run(GetConfigJsonAction::new, Authority.parse("system"), "Filename", "manager.conf", "Category", "limited"));
        assertEquals("Response: Error\r\nMessage: File requires escalated privileges\r\n\r\n",
                run(GetConfigJsonAction::new, Authority.ALL, "Filename", "missing.conf"));
    }

    @Test
    void listCategories() {
        assertEquals("Response: Success\r\nCategory-000000: general\r\nCategory-000001: admin\r\n"
                + "Category-000002: limited\r\n\r\n",
                run(ListCategoriesAction::new, Authority.ALL, "Filename", "manager.conf"));
    }

    @Test
    void httpConfIsServedToo() {
        assertEquals("Response: Success\r\nCategory-000000: general\r\nLine-000000-000000: enabled=yes\r\n"
                + "Line-000000-000001: bindaddr=127.0.0.1\r\n\r\n",
                run(GetConfigAction::new, Authority.ALL, "Filename", "http.conf"));
        assertEquals("Response: Error\r\nMessage: File requires escalated privileges\r\n\r\n",
                run(UpdateConfigAction::new, Authority.ALL, "SrcFilename", "http.conf", "DstFilename", "manager.conf",
                        "Action-000000", "EmptyCat", "Cat-000000", "general"));
    }

    @Test
    void createConfigCreatesNothing() {
        assertEquals("Response: Error\r\nMessage: File exists\r\n\r\n",
                run(CreateConfigAction::new, Authority.ALL, "Filename", "manager.conf"));
    }

    @Test
    void updateConfigAppliesEveryEditInOrderThenSavesOnce() {
        assertEquals("Response: Success\r\nActionID: u1\r\n\r\n", run(UpdateConfigAction::new, Authority.ALL,
                "SrcFilename", "manager.conf", "DstFilename", "manager.conf", "ActionID", "u1",
                "Action-000000", "NewCat", "Cat-000000", "ops",
                "Action-000001", "Append", "Cat-000001", "ops", "Var-000001", "secret", "Value-000001", "op;s",
                "Action-000002", "Update", "Cat-000002", "limited", "Var-000002", "write", "Value-000002", "system,config",
                "Action-000003", "Delete", "Cat-000003", "limited", "Var-000003", "permit",
                "Action-000004", "RenameCat", "Cat-000004", "admin", "Value-000004", "root"));
        StringBuilder text = new StringBuilder();
        saved.get(0).forEach(c -> c.render(text));
        assertEquals("[general]\nenabled = yes\nport = 5038\n\n[root]\nsecret = s3cret\nread = all\nwrite = all\n\n"
                + "[limited]\nsecret = pw2\nread = system,call\nwrite = system,config\n\n[ops]\nsecret = op\\;s\n\n",
                text.toString());
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
        assertEquals(APPLIED, apply("Action-000000", "NewCat", "Cat-000000", "admin", "Options-000000", "allowdups"));
        assertEquals("Response: Error\r\nMessage: Given category does not exist\r\n\r\n", run(UpdateConfigAction::new,
                Authority.ALL, "SrcFilename", "manager.conf", "DstFilename", "manager.conf", "Action-000000", "DelCat",
                "Cat-000000", "nobody"));
        assertEquals(List.of(), saved);
    }

    @Test
    void updateConfigLeavesTemplatesAloneUnlessItsCatfilterAsksAsInAsterisk() {
        stored = "[ops](!)\nread = all\n[alice](ops)\nsecret = a\npermit = 10.0.0.1\npermit = 10.0.0.2\n";
        assertEquals("Given category does not exist", apply("Action-000000", "Append", "Cat-000000", "ops",
                "Var-000000", "write", "Value-000000", "all"));
        assertEquals(APPLIED, apply("Action-000000", "Append", "Cat-000000", "ops", "Var-000000", "write", "Value-000000", "all",
                "Options-000000", "catfilter=TEMPLATES=include"));
        // only a template can be inherited from; a name taken by a template is taken
        assertEquals("Template category not found", apply("Action-000000", "NewCat", "Cat-000000", "bob",
                "Options-000000", "inherit=alice"));
        assertEquals(APPLIED, apply("Action-000000", "NewCat", "Cat-000000", "bob", "Options-000000", "inherit=ops"));
        assertEquals("Create category did not complete successfully", apply("Action-000000", "NewCat", "Cat-000000", "OPS"));
        assertEquals(APPLIED, apply("Action-000000", "NewCat", "Cat-000000", "OPS", "Options-000000", "ignoreerror"));
        // Delete: a line number is the only criterion; nothing found is "Update did not complete", unless forgiven
        assertEquals(APPLIED, apply("Action-000000", "Delete", "Cat-000000", "alice", "Var-000000", "nosuch",
                "Line-000000", "0"));
        assertEquals("Update did not complete successfully", apply("Action-000000", "Delete", "Cat-000000", "alice",
                "Var-000000", "nosuch"));
        assertEquals(APPLIED, apply("Action-000000", "Delete", "Cat-000000", "alice", "Var-000000", "nosuch",
                "Options-000000", "ignoreerror"));
        assertEquals(APPLIED, apply("Action-000000", "DelCat", "Cat-000000", "nobody", "Options-000000", "ignoreerror"));
    }

    private static final String APPLIED = "applied";

    /** @return Asterisk's error for the edits, or {@link #APPLIED} */
    private String apply(String... headers) {
        List<String> lines = new ArrayList<>(List.of("Action: UpdateConfig"));
        for (int i = 0; i < headers.length; i += 2) {
            lines.add(headers[i] + ": " + headers[i + 1]);
        }
        EditResult result = UpdateConfigAction.apply(new ManagerAction(lines), files().categories(ConfigFile.MANAGER));
        return result instanceof EditResult.Failed failed ? failed.message() : APPLIED;
    }

    /** Every configuration action's answer for a file name, as bytes. */
    private List<String> answersFor(String filename) {
        return List.of(run(GetConfigAction::new, Authority.ALL, "Filename", filename),
                run(GetConfigJsonAction::new, Authority.ALL, "Filename", filename),
                run(ListCategoriesAction::new, Authority.ALL, "Filename", filename),
                run(UpdateConfigAction::new, Authority.ALL, "SrcFilename", filename, "DstFilename", filename,
                        "Action-000000", "NewCat", "Cat-000000", "x"),
                run(CreateConfigAction::new, Authority.ALL, "Filename", filename));
    }

    @Test
    void whetherAFileOutsideTheStoredOnesExistsCannotBeToldFromAnyAnswer() throws Exception {
        Path outside = Files.createTempFile(conf.getParent(), "passwd", "");
        Path inFolder = Files.writeString(conf.resolve("sip.conf"), "[general]\nsecret = x\n");
        Files.createSymbolicLink(conf.resolve("linked.conf"), outside);
        try {
            String up = conf.relativize(outside).toString();
            assertEquals(answersFor(up.replace("passwd", "no-such-file")), answersFor(up), "a relative path out of the folder");
            assertEquals(answersFor(outside.toString() + "-missing"), answersFor(outside.toString()), "an absolute path");
            assertEquals(answersFor("no-such.conf"), answersFor(conf.relativize(inFolder).toString()), "a file in the folder");
            assertEquals(answersFor("no-such.conf"), answersFor("linked.conf"), "a link in the folder to a file outside");
            assertEquals(answersFor("no-such.conf"), answersFor("/etc/../" + conf.resolve("no-such.conf")),
                    "an absolute path in");
            assertEquals(List.of(), saved);
        } finally {
            Files.delete(outside);
        }
    }

    /** An UpdateConfig of one edit on manager.conf. */
    private String update(String... edit) {
        List<String> headers = new ArrayList<>(List.of("SrcFilename", "manager.conf", "DstFilename", "manager.conf"));
        headers.addAll(List.of(edit));
        return run(UpdateConfigAction::new, Authority.ALL, headers.toArray(String[]::new));
    }

    @Test
    void nothingUpdateConfigWritesCanReadBackAsADirectiveASectionOrAComment() {
        String refused = "Response: Error\r\nMessage: Update did not complete successfully\r\n\r\n";
        for (String name : new String[] {"evil]\n#include /etc/passwd\n[x", "x\r#exec /bin/sh", "x]\n[admin](+)",
                "x;comment", "x\n"}) {
            assertEquals(refused, update("Action-000000", "NewCat", "Cat-000000", name), name);
            assertEquals(refused, update("Action-000000", "RenameCat", "Cat-000000", "admin", "Value-000000", name), name);
        }
        for (String var : new String[] {"#include /etc/passwd", "#exec /bin/sh", "[evil]", ";x", "a=b", "x\n[evil]",
                "x\r#include /etc/passwd", "\\#include", " #include x", "#tryinclude x"}) {
            assertEquals(refused, update("Action-000000", "Append", "Cat-000000", "admin", "Var-000000", var,
                    "Value-000000", "1"), var);
            assertEquals(refused, update("Action-000000", "Insert", "Cat-000000", "admin", "Var-000000", var,
                    "Value-000000", "1", "Line-000000", "0"), var);
        }
        for (String value : new String[] {"x\n#include /etc/passwd", "x\r\n[evil]\nsecret = y", "x\r#exec /bin/sh",
                "x\n;--", "x\u0000y"}) {
            assertEquals(refused, update("Action-000000", "Append", "Cat-000000", "admin", "Var-000000", "deny",
                    "Value-000000", value), value);
            assertEquals(refused, update("Action-000000", "Insert", "Cat-000000", "admin", "Var-000000", "deny",
                    "Value-000000", value, "Line-000000", "0"), value);
            assertEquals(refused, update("Action-000000", "Update", "Cat-000000", "admin", "Var-000000", "read",
                    "Value-000000", value), value);
        }
        assertEquals(List.of(), saved, "a refused update saves nothing");
        // what only looks odd is written as it is: a ';' in a value is escaped, '#' inside a value is a value
        assertEquals("Response: Success\r\n\r\n", update("Action-000000", "Append", "Cat-000000", "admin",
                "Var-000000", "setvar", "Value-000000", "X=#include ;[y]"));
    }

    @Test
    void theActionsAreDeclaredAsAsteriskDeclaresThemAndUpdateConfigsValuesAreNeverLogged() {
        List<String> declared = ConfigActions.over(files()).stream().map(a -> {
            AmiAction d = a.getClass().getAnnotation(AmiAction.class);
            return d.name() + "|" + Authority.of(d.write()).privilege() + "|" + d.synopsis() + "|"
                    + String.join(",", d.sensitiveHeaders());
        }).toList();
        assertEquals(List.of("GetConfig|system,config,all|Retrieve configuration.|",
                "GetConfigJSON|system,config,all|Retrieve configuration (JSON format).|",
                "ListCategories|config,all|List categories in configuration file.|",
                "UpdateConfig|config,all|Update basic configuration.|Value-*",
                "CreateConfig|config,all|Creates an empty file in the configuration directory.|"), declared);
    }
}
