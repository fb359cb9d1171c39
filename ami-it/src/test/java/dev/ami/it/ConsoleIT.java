package dev.ami.it;

import static dev.ami.it.Wire.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console end to end in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromedriver}, driven by Selenium): the sample admin logs in, makes an account with some
 * classes and an ACL, which then logs in over AMI TCP with exactly those rights; an edit in the
 * console applies at the account's next login; a live session is kicked from the console; a
 * manager.conf is imported after its preview; the audit trail shows the console's changes; a general
 * setting saved in the console holds for the next AMI login; a template edited in the console reaches
 * the account inheriting it at once; the export shows manager.conf; a reader sees the accounts and
 * has no control to change them, and a change sent anyway is refused and said so. Every screen loads
 * under the Content-Security-Policy without a violation. The run writes the screenshots of
 * docs/console (1280x800), and leaves the server with the test configuration imported again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String ORIGIN = "http://127.0.0.1:" + (8080 + Integer.getInteger("it.port.offset", 0));
    private static final String CONSOLE = ORIGIN + "/ami/console/";
    private static final String API = ORIGIN + "/ami/api/v1";
    private static final String ADMIN = "admin";
    private static final String ADMIN_SECRET = "s3cret";
    private static final String OPS = "console-ops";
    private static final String OPS_SECRET = "console-ops-secret";
    private static final String IMPORTED = "console-imported";
    private static final String TEMPLATE = "console-tpl";
    private static final String HEIR = "console-heir";
    private static final String HEIR_SECRET = "console-heir-secret";
    private static final String UPSTREAM = "console-pbx";
    /** In src/test/conf: config among its read classes ({@code all}), not its write classes. */
    private static final String READER = "limited-user";
    private static final String READER_SECRET = "pw3";
    /** Waiting for the page is bounded only so that a broken page fails instead of hanging the build. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static WebDriver driver;
    private static FluentWait<WebDriver> wait;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return AmiEar.fromBuild();
    }

    @BeforeAll
    static void browser() {
        SystemTools.require("AMI_TEST_CHROMIUM_REQUIRED", "ConsoleIT (the admin console in a browser)", "chromium",
                "chromedriver");
        Path chromium = SystemTools.onPath("chromium").orElseThrow();
        Path chromedriver = SystemTools.onPath("chromedriver").orElseThrow();
        // both named explicitly: Selenium Manager, which would look for them on the network, never runs
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // the screenshots are exactly 1280x800 whatever the window's frame takes
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 800,
                "deviceScaleFactor", 1, "mobile", false));
        driver = chrome;
        // a screen that re-renders replaces the elements a condition was looking at: look again
        wait = new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class);
    }

    /**
     * Leaves the shared server as it started: the test manager.conf imported again, as the first start
     * imported it (the accounts and the template made here go, the kept text is the file's again).
     */
    @AfterAll
    static void close() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        Path conf = Path.of(System.getProperty("user.dir"), "src", "test", "conf", "manager.conf");
        HttpResponse<String> done = basic("POST", "/config/manager.conf", "text/plain",
                Files.readString(conf, StandardCharsets.UTF_8));
        assertEquals(200, done.statusCode(), done.body());
        HttpResponse<String> none = basic("POST", "/config/upstreams.conf", "text/plain", "");
        assertEquals(200, none.statusCode(), none.body());
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theConsoleIsServedUnderAPolicyOfSelfOnly() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(CONSOLE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("script-src 'self'")
                && policy.contains("style-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertTrue(page.body().contains("<script type=\"module\" src=\"js/app.js\">"), "no inline script: " + page.body());
        HttpResponse<String> module = HTTP.send(HttpRequest.newBuilder(URI.create(CONSOLE + "js/app.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, module.statusCode());
        assertTrue(module.headers().firstValue("Content-Type").orElse("").contains("javascript"), module.headers().toString());
        assertEquals(policy, module.headers().firstValue("Content-Security-Policy").orElse(""));
    }

    @Test
    @Order(2)
    void aWrongSecretIsRefusedOnTheLoginFormAndTheAdminLogsIn() throws IOException {
        driver.get(CONSOLE);
        WebElement user = visible(By.name("username"));
        screenshot("login");
        user.sendKeys(ADMIN);
        driver.findElement(By.name("secret")).sendKeys("wrong" + Keys.ENTER);
        assertTrue(visible(By.cssSelector("form.login .problem")).getText().contains("not accepted"));
        login(ADMIN, ADMIN_SECRET);
        visible(By.cssSelector("#account-table table"));
        assertEquals(ADMIN + " admin", driver.findElement(By.id("who")).getText());
        assertTrue(rowNames().contains(ADMIN), rowNames().toString());
        search("limit");
        wait.until(d -> rowNames().equals(List.of("limited", "limited-user")));
        search("");
        wait.until(d -> rowNames().size() > 5);
        screenshot("accounts");
    }

    @Test
    @Order(3)
    void anAccountMadeInTheConsoleLogsInOverAmiWithItsClassesAndAcl() throws Exception {
        go("#/accounts");
        click(By.cssSelector("a[href='#/new-account']"));
        visible(By.name("name")).sendKeys(ADMIN);
        driver.findElement(By.name("secret")).sendKeys(OPS_SECRET);
        for (String c : List.of("system", "call")) {
            driver.findElement(By.name("read-" + c)).click();
        }
        driver.findElement(By.name("write-system")).click();
        addAclRule("deny", "0.0.0.0/0");
        // checked as typed: a bad address is named beside its field before anything is sent
        WebElement address = addAclRule("permit", "127.0.0.300");
        assertEquals("'127.0.0.300' is not an IPv4 or IPv6 address with an optional mask", errorOf(address));
        address.clear();
        address.sendKeys("127.0.0.1/32");
        wait.until(d -> errorOf(address).isEmpty());
        // a name another account holds: the server's problem is shown beside the name
        address.sendKeys(Keys.ENTER);
        WebElement name = driver.findElement(By.name("name"));
        wait.until(d -> !errorOf(name).isEmpty());
        assertEquals("true", name.getAttribute("aria-invalid"));
        name.clear();
        name.sendKeys(OPS + Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Account " + OPS + " created."));
        assertEquals(OPS, visible(By.id("editor-title")).getText());

        try (AmiTestClient ops = AmiTestClient.login(AmiEar.PORT, OPS, OPS_SECRET, "off")) {
            assertTrue(ask(ops, "Action: CoreSettings\nActionID: 1\n").startsWith("Response: Success\r\n"));
            assertTrue(ask(ops, "Action: Command\nActionID: 2\nCommand: core show version\n")
                    .contains("Message: Permission denied\r\n"), "command is not among its write classes");
        }
        assertFalse(logsInFrom("127.0.0.2", OPS, OPS_SECRET), "the ACL permits 127.0.0.1 only");
    }

    @Test
    @Order(4)
    void anEditInTheConsoleHoldsFromTheNextLoginAndFiltersAreTriedAsTyped() throws Exception {
        go("#/accounts/" + OPS);
        visible(By.name("write-command")).click();
        // the filter test box: the server's verdict for the filters as they stand
        WebElement verdict = visible(By.id("filter-verdict"));
        wait.until(d -> verdict.getText().startsWith("delivered"));
        click(By.xpath("//button[normalize-space()='Add filter']"));
        WebElement pattern = visible(By.cssSelector("[data-field='eventFilters[0].pattern']"));
        pattern.sendKeys("!Event: (");
        wait.until(d -> errorOf(pattern).contains("does not compile"));
        pattern.sendKeys(Keys.BACK_SPACE, "Newchannel");
        wait.until(d -> verdict.getText().startsWith("not delivered"));
        assertEquals("", errorOf(pattern));
        WebElement sample = driver.findElement(By.id("sample-event"));
        sample.clear();
        sample.sendKeys("Event: Hangup\nChannel: PJSIP/100-00000001\n");
        wait.until(d -> verdict.getText().startsWith("delivered"));
        screenshot("editor-filters");
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot("editor");
        click(By.cssSelector("form.editor button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Saved."));

        try (AmiTestClient ops = AmiTestClient.login(AmiEar.PORT, OPS, OPS_SECRET, "off")) {
            assertTrue(ask(ops, "Action: Command\nActionID: 3\nCommand: core show version\n")
                    .startsWith("Response: Success\r\n"), "command write, from this login on");
        }
        String stored = basic("GET", "/accounts/" + OPS, null, null).body();
        assertTrue(stored.contains("\"write\":[\"system\",\"command\"]"), stored);
        assertTrue(stored.contains("{\"criteria\":null,\"pattern\":\"!Event: Newchannel\"}"), stored);
    }

    @Test
    @Order(5)
    void aChangeMadeElsewhereMeanwhileIsNotOverwritten() throws Exception {
        go("#/accounts/" + OPS);
        WebElement timeout = visible(By.name("writeTimeout"));
        HttpResponse<String> elsewhere = basic("PATCH", "/accounts/" + OPS, "application/merge-patch+json",
                "{\"writeTimeout\":400}", "If-Match", "*");
        assertEquals(200, elsewhere.statusCode(), elsewhere.body());
        timeout.sendKeys("300" + Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Someone changed this account"));
        click(By.cssSelector("#banner button"));
        wait.until(d -> "400".equals(d.findElement(By.name("writeTimeout")).getAttribute("value")));
    }

    @Test
    @Order(6)
    void aLiveSessionShowsItsCountersAndIsKickedFromTheConsole() throws Exception {
        try (AmiTestClient ops = AmiTestClient.login(AmiEar.PORT, OPS, OPS_SECRET, "system")) {
            go("#/sessions?account=" + OPS);
            By row = By.xpath("//table[@id='sessions']//tr[th[normalize-space()='" + OPS + "']]");
            visible(row);
            assertEquals(1, driver.findElements(row).size());
            WebElement delivered = driver.findElement(row).findElement(By.cssSelector("[data-counter=delivered]"));
            assertEquals("0", delivered.getText());
            // every server is a node of a cluster (here of one, ARCHITECTURE.md "Several nodes"): its
            // sessions carry their node, and the list shows it
            assertTrue(driver.findElement(By.xpath("//table[@id='sessions']//th[normalize-space()='Node']")).isDisplayed(),
                    "the sessions of a cluster's node show the Node column");
            // the counters follow the session as it goes: a Reload raises a system event, which it reads
            ops.send(crlf("Action: Reload\nActionID: 4\n\n"));
            wait.until(d -> !"0".equals(delivered.getText()));
            screenshot("sessions");
            driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='Kick']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "kicked"));
            ops.readUntilClosed();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        }
    }

    @Test
    @Order(7)
    void aManagerConfIsImportedAfterItsPreview() throws Exception {
        String export = basicConfig();
        go("#/import");
        new Select(visible(By.name("file"))).selectByValue("manager.conf");
        WebElement text = driver.findElement(By.name("text"));
        // set as one value: typing a whole file key by key would only be slow
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", text,
                export + "\n[" + IMPORTED + "]\nsecret = imported-secret\nread = system\nwrite = system\n");
        click(By.xpath("//button[normalize-space()='Preview changes']"));
        By added = By.xpath("//div[@id='import-preview']//tr[th[contains(normalize-space(), '" + IMPORTED + "')]]");
        assertTrue(visible(added).getText().contains("added"), driver.findElement(added).getText());
        String preview = driver.findElement(By.id("import-preview")).getText();
        assertFalse(preview.contains("imported-secret"), "secrets are masked in the preview: " + preview);
        assertFalse(AmiTestClient.logsIn(AmiEar.PORT, IMPORTED, "imported-secret"), "a preview changes nothing");
        screenshot("import-preview");
        click(By.xpath("//button[normalize-space()='Apply this import']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "manager.conf imported."));
        assertTrue(AmiTestClient.logsIn(AmiEar.PORT, IMPORTED, "imported-secret"));
        assertTrue(AmiTestClient.logsIn(AmiEar.PORT, OPS, OPS_SECRET), "the rest of the file as it was");
    }

    @Test
    @Order(8)
    void theAuditTrailShowsTheConsolesChanges() throws Exception {
        // the filter in the address, as a link to an account's trail would give it: one load, nothing re-rendered
        go("#/audit?account=" + OPS);
        assertEquals(OPS, visible(By.name("account")).getAttribute("value"));
        By created = By.xpath("//table[contains(@class,'audit')]//tr[td[@data-col='action'][normalize-space()='create']]");
        WebElement entry = visible(created);
        screenshot("audit");
        assertEquals("account " + OPS, entry.findElement(By.cssSelector("[data-col=target]")).getText());
        assertEquals(ADMIN, entry.findElement(By.cssSelector("[data-col=actor]")).getText());
        assertEquals("console", entry.findElement(By.cssSelector("[data-col=via]")).getText());
        WebElement edit = driver.findElement(By.xpath("//table[contains(@class,'audit')]//tr[td[@data-col='action']"
                + "[normalize-space()='replace']][td[@data-col='via'][normalize-space()='console']]"));
        assertTrue(edit.getText().contains("command"), "the edit's change of write: " + edit.getText());
    }

    @Test
    @Order(9)
    void aGeneralSettingSavedInTheConsoleHoldsForTheNextLogin() throws Exception {
        assertFalse(eventsHaveTimestamp(), "timestampevents is off in the test configuration");
        try {
            go("#/settings");
            visible(By.name("timestampevents")).sendKeys(Keys.SPACE);
            click(By.xpath("//button[normalize-space()='Save general settings']"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Saved: timestampevents."));
            assertTrue(Wire.eventually(ConsoleIT::eventsHaveTimestamp), "timestampevents not applied");
        } finally {
            HttpResponse<String> back = basic("PATCH", "/settings/general", "application/merge-patch+json",
                    "{\"timestampevents\":false}", "If-Match", "*");
            assertEquals(200, back.statusCode(), back.body());
        }
        assertTrue(Wire.eventually(() -> !eventsHaveTimestamp()), "timestampevents not restored");
    }

    @Test
    @Order(10)
    void aTemplateEditedInTheConsoleReachesItsInheritorAtOnce() throws Exception {
        HttpResponse<String> imported = basic("POST", "/config/manager.conf", "text/plain", basicConfig() + "\n["
                + TEMPLATE + "](!)\nread = system\nwrite = system\n\n[" + HEIR + "](" + TEMPLATE + ")\nsecret = "
                + HEIR_SECRET + "\n");
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(Wire.eventually(() -> "denied".equals(command(HEIR, HEIR_SECRET))), "write = system runs no Command");

        go("#/templates");
        // by keyboard: the template's link, then the class box with the space bar
        visible(By.cssSelector("a[aria-label='Edit template " + TEMPLATE + "']")).sendKeys(Keys.ENTER);
        wait.until(d -> ("#/templates/" + TEMPLATE).equals(route()));
        assertEquals("Inherited by: " + HEIR, visible(By.id("inherited-by")).getText());
        assertTrue(driver.findElement(By.name("write-system")).isSelected());
        assertFalse(driver.findElement(By.name("write-command")).isSelected());

        // a line the import refuses: the server's reason beside the rules, nothing changed
        WebElement address = addAclRule("permit", "nowhere");
        click(By.cssSelector("form.editor button[type=submit]"));
        WebElement refused = visible(By.cssSelector("ol[data-field=acl] + .error"));
        assertTrue(refused.getText().startsWith("permit: "), refused.getText());
        assertEquals("denied", command(HEIR, HEIR_SECRET));
        address.clear();
        address.sendKeys("127.0.0.1/32");
        driver.findElement(By.name("write-command")).sendKeys(Keys.SPACE);
        click(By.cssSelector("form.editor button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"),
                "Template saved; 1 inheriting account(s) changed with it."));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot("templates");
        assertTrue(Wire.eventually(() -> "allowed".equals(command(HEIR, HEIR_SECRET))),
                "the inheritor did not get command write");
        String stored = basic("GET", "/templates/" + TEMPLATE, null, null).body();
        assertTrue(stored.contains("\"options\":{\"read\":\"system\",\"write\":\"system,command\","
                + "\"permit\":\"127.0.0.1/32\"}"), stored);

        // changed elsewhere meanwhile: not overwritten, the reload shows the other change
        HttpResponse<String> elsewhere = basic("PUT", "/templates/" + TEMPLATE, "application/json",
                "{\"options\":{\"read\":\"system\",\"write\":\"system,command\",\"displayconnects\":\"no\"}}",
                "If-Match", "*");
        assertEquals(200, elsewhere.statusCode(), elsewhere.body());
        driver.findElement(By.name("write-call")).sendKeys(Keys.SPACE);
        click(By.cssSelector("form.editor button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Someone changed this template"));
        click(By.cssSelector("#banner button"));
        wait.until(d -> "false".equals(new Select(d.findElement(By.name("displayConnects"))).getFirstSelectedOption()
                .getAttribute("value")));
        assertFalse(driver.findElement(By.name("write-call")).isSelected());
    }

    @Test
    @Order(11)
    void theExportShowsManagerConf() throws Exception {
        go("#/import");
        new Select(visible(By.name("exportFile"))).selectByValue("manager.conf");
        click(By.xpath("//h2[@id='export-title']/..//button[normalize-space()='Export']"));
        WebElement text = driver.findElement(By.cssSelector("textarea[aria-label='exported text']"));
        wait.until(d -> !text.getDomProperty("value").isEmpty());
        String shown = text.getDomProperty("value");
        String stored = basicConfig();
        // the first line says when it was written
        assertEquals(stored.substring(stored.indexOf('\n')), shown.substring(shown.indexOf('\n')));
        assertTrue(shown.contains("\n[general]\n") && shown.contains("\n[" + ADMIN + "]\n"), shown);
        WebElement download = visible(By.xpath("//a[normalize-space()='Download']"));
        assertEquals("manager.conf", download.getAttribute("download"));
        assertTrue(download.getAttribute("href").startsWith("blob:"), download.getAttribute("href"));
    }

    @Test
    @Order(12)
    void anUpstreamAddedInTheConsoleIsListedAndNamedAsAnAccountsDefaultAndAllowed() throws Exception {
        go("#/upstreams");
        click(By.cssSelector("a[href='#/new-upstream']"));
        visible(By.name("name")).sendKeys(UPSTREAM);
        driver.findElement(By.name("host")).sendKeys("127.0.0.1");
        WebElement port = driver.findElement(By.name("port"));
        port.clear();
        port.sendKeys("5038");
        driver.findElement(By.name("username")).sendKeys("proxy");
        // no secret: the server's problem is shown beside the field
        click(By.cssSelector("form.editor button[type=submit]"));
        WebElement secret = driver.findElement(By.name("secret"));
        wait.until(d -> !errorOf(secret).isEmpty());
        assertEquals("is required", errorOf(secret));
        secret.sendKeys("upstream-secret" + Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Upstream " + UPSTREAM + " added."));
        assertEquals(UPSTREAM, visible(By.id("editor-title")).getText());
        String stored = basic("GET", "/upstreams/" + UPSTREAM, null, null).body();
        assertTrue(stored.contains("\"host\":\"127.0.0.1\"") && stored.contains("\"hasSecret\":true"), stored);
        assertFalse(stored.contains("upstream-secret"), "the secret is write-only: " + stored);
        // stored encrypted, exported in clear like the accounts' secrets
        assertTrue(basic("GET", "/config/upstreams.conf", null, null).body().contains("\nsecret = upstream-secret\n"));

        go("#/upstreams");
        WebElement row = visible(By.xpath("//table[@id='upstream-table']//tr[th/a[normalize-space()='" + UPSTREAM + "']]"));
        assertTrue(row.getText().contains("127.0.0.1:5038"), row.getText());
        screenshot("upstreams");

        go("#/accounts/" + OPS);
        visible(By.name("upstream")).sendKeys(UPSTREAM);
        // the stored upstreams are offered to tick: none ticked is every upstream
        By box = By.cssSelector("input[name=upstreams][value='" + UPSTREAM + "']");
        WebElement allowed = visible(box);
        assertFalse(allowed.isSelected());
        allowed.click();
        click(By.cssSelector("form.editor button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "Saved."));
        String account = basic("GET", "/accounts/" + OPS, null, null).body();
        assertTrue(account.contains("\"upstream\":\"" + UPSTREAM + "\",\"upstreams\":[\"" + UPSTREAM + "\"]"), account);
        assertTrue(visible(box).isSelected(), "shown ticked after the save");
    }

    @Test
    @Order(13)
    void aReaderSeesTheAccountsAndCannotChangeThem() throws Exception {
        go("#/accounts");
        click(By.id("logout"));
        login(READER, READER_SECRET);
        wait.until(d -> "#/accounts".equals(route()));
        assertEquals(READER + " reader", visible(By.id("who")).getText());
        wait.until(d -> rowNames().contains(ADMIN));
        assertTrue(driver.findElements(By.cssSelector("a[href='#/new-account']")).isEmpty(), "no New account");

        go("#/accounts/limited");
        assertFalse(visible(By.name("write-command")).isEnabled());
        assertFalse(driver.findElement(By.name("writeTimeout")).isEnabled());
        assertTrue(driver.findElements(By.cssSelector("form.editor button[type=submit]")).isEmpty(), "no Save");
        assertTrue(driver.findElement(By.cssSelector("form.editor")).getText().contains(
                "changing it needs config in your write classes"));
        go("#/settings");
        assertFalse(visible(By.name("timestampevents")).isEnabled());
        assertTrue(driver.findElements(By.xpath("//button[starts-with(normalize-space(), 'Save')]")).isEmpty());

        // the form sent anyway, as a page's script could: the server refuses, the console says why
        go("#/accounts/limited");
        String before = basic("GET", "/accounts/limited", null, null).body();
        visible(By.name("write-command"));
        ((JavascriptExecutor) driver).executeScript("const f = document.querySelector('form.editor');"
                + "f.querySelector('fieldset').disabled = false; f.querySelector('[name=write-command]').checked = true;"
                + "f.requestSubmit();");
        WebElement problem = visible(By.cssSelector("form.editor .problem"));
        assertEquals("changes need config in the account's write classes", problem.getText());
        assertEquals(before, basic("GET", "/accounts/limited", null, null).body());
    }

    @Test
    @Order(14)
    void noScreenBrokeThePolicy() {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertEquals(List.of(), violations);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void login(String user, String secret) {
        WebElement name = visible(By.name("username"));
        name.clear();
        name.sendKeys(user);
        WebElement field = driver.findElement(By.name("secret"));
        field.clear();
        field.sendKeys(secret + Keys.ENTER);
    }

    /**
     * Goes to a screen by its hash and waits until the view shows it (the console marks the route it rendered),
     * logging in again first if the console asks for it.
     */
    private static void go(String hash) {
        if (driver.getCurrentUrl().equals(CONSOLE + hash)) {
            // the same address again is no navigation at all: load the page anew, as a user's reload does
            driver.navigate().refresh();
        } else {
            driver.get(CONSOLE + hash);
        }
        wait.until(d -> hash.equals(route()) || "#/login".equals(route()));
        if ("#/login".equals(route())) {
            login(ADMIN, ADMIN_SECRET);
            wait.until(d -> hash.equals(route()));
        }
    }

    private static String route() {
        return driver.findElement(By.id("view")).getAttribute("data-route");
    }

    private static WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static List<String> rowNames() {
        return driver.findElements(By.cssSelector("#account-table tbody th")).stream().map(WebElement::getText).toList();
    }

    private static void search(String text) {
        WebElement box = visible(By.id("account-search"));
        box.clear();
        box.sendKeys(text.isEmpty() ? " " + Keys.BACK_SPACE : text);
    }

    /** Adds an ACL rule with the button and types it; returns its address field. */
    private static WebElement addAclRule(String rule, String address) {
        click(By.xpath("//button[normalize-space()='Add rule']"));
        List<WebElement> rows = driver.findElements(By.cssSelector("ol[data-field=acl] > li"));
        WebElement row = rows.get(rows.size() - 1);
        new Select(row.findElement(By.cssSelector("[data-part=rule]"))).selectByValue(rule);
        WebElement field = row.findElement(By.cssSelector("[data-part=address]"));
        field.sendKeys(address);
        return field;
    }

    /** The error shown beside a field (what aria-describedby names), or "". */
    private static String errorOf(WebElement field) {
        String ids = field.getAttribute("aria-describedby");
        if (ids == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String id : ids.split(" ")) {
            if (id.startsWith("err-")) {
                driver.findElements(By.id(id)).forEach(e -> text.append(e.getText().replaceFirst("^⚠ ", "")));
            }
        }
        return text.toString();
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether an event a new AMI login receives carries a Timestamp (manager.conf's timestampevents). */
    private static boolean eventsHaveTimestamp() {
        try (AmiTestClient c = AmiTestClient.login(AmiEar.PORT, ADMIN, ADMIN_SECRET, "user")) {
            c.send(crlf("Action: UserEvent\nUserEvent: ConsoleIT\nActionID: ts\n\n"));
            String answers = c.readMessages(2);
            assertTrue(answers.contains("Event: UserEvent\r\n"), answers);
            return answers.contains("\r\nTimestamp: ");
        } catch (IOException e) {
            return false;
        }
    }

    /** What a Command of this account is answered, logged in anew: "denied", "allowed", or "no login". */
    private static String command(String user, String secret) {
        try (AmiTestClient c = AmiTestClient.login(AmiEar.PORT, user, secret, "off")) {
            String answer = ask(c, "Action: Command\nCommand: core show uptime\nActionID: cmd\n");
            return answer.contains("Message: Permission denied") ? "denied" : "allowed";
        } catch (IOException e) {
            return "no login";
        }
    }

    private static String ask(AmiTestClient client, String action) throws IOException {
        client.send(crlf(action + "\n"));
        return client.readMessage();
    }

    private static boolean logsInFrom(String address, String user, String secret) throws IOException {
        try (AmiTestClient c = AmiTestClient.connectFrom(address, AmiEar.PORT)) {
            return ask(c, "Action: Login\nUsername: " + user + "\nSecret: " + secret + "\nEvents: off\n")
                    .equals("Response: Success\r\nMessage: Authentication accepted\r\n\r\n");
        }
    }

    /** A REST call as the admin with HTTP Basic, as scripts make them; headers alternate name and value. */
    private static HttpResponse<String> basic(String method, String path, String type, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(API + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_SECRET)
                        .getBytes(StandardCharsets.UTF_8)));
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The stored manager.conf as exported (secrets in clear, as the import reads them). */
    private static String basicConfig() throws IOException, InterruptedException {
        HttpResponse<String> export = basic("GET", "/config/manager.conf", null, null);
        assertEquals(200, export.statusCode(), export.body());
        return export.body();
    }
}
