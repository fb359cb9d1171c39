package dev.ami.admin.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.admin.login.LoginResult.Outcome;
import dev.ami.api.acl.AccessList;
import dev.ami.api.acl.AclRule;
import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.Account;
import dev.ami.api.connector.GeneralSettings;
import dev.ami.api.connector.ManagerConfiguration;
import dev.ami.api.event.ManagerEvent;
import dev.ami.api.login.LockoutPolicy;
import dev.ami.api.login.LoginThrottle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpLoginTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:34:54.890Z");
    private static final Authority ALL = Authority.of(AuthorityClass.values());

    private static final ManagerConfiguration CONFIG = new ManagerConfiguration(GeneralSettings.DEFAULTS, List.of(
            Account.of("admin", "s3cret", ALL, ALL),
            Account.of("limited", "pw2", Authority.of(AuthorityClass.SYSTEM, AuthorityClass.CALL),
                    Authority.of(AuthorityClass.SYSTEM)),
            Account.of("reader", "pw5", Authority.of(AuthorityClass.CONFIG), Authority.of(AuthorityClass.SYSTEM)),
            Account.of("nosecret", null, ALL, ALL),
            Account.of("unicode", "pässwörd€", ALL, ALL),
            fenced()));

    private final LoginThrottle throttle = new LoginThrottle(LockoutPolicy.DEFAULTS);
    private final HttpLogin login = new HttpLogin(CONFIG::account, throttle);

    /** deny everything, permit 10.0.0.0/8, as ami-it's manager.conf writes it. */
    private static Account fenced() {
        List<AclRule> rules = new ArrayList<>(AclRule.parse(false, "0.0.0.0/0.0.0.0"));
        rules.addAll(AclRule.parse(true, "10.0.0.0/255.0.0.0"));
        Account open = Account.of("fenced", "pw", ALL, ALL);
        return new Account(open.username(), open.secret(), open.read(), open.write(), new AccessList(rules),
                open.allowMultipleLogin(), open.displayConnects(), open.writeTimeoutMillis(), open.eventFilters());
    }

    private static String basic(String userAndSecret) {
        return basic(userAndSecret.getBytes(StandardCharsets.UTF_8));
    }

    private static String basic(byte[] userAndSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndSecret);
    }

    private static LoginRequest request(String authorization, String client) throws Exception {
        return new LoginRequest(authorization, "GET", "/ami/api/config/manager.conf",
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8080),
                new InetSocketAddress(InetAddress.getByName(client), 50000), false);
    }

    private LoginResult check(String authorization) throws Exception {
        return login.check(request(authorization, "192.0.2.7"), NOW);
    }

    private static ManagerEvent event(LoginResult result) {
        return result.event().orElseThrow(() -> new AssertionError("no event for " + result.outcome()));
    }

    private static String header(ManagerEvent event, String name) {
        return event.header(name).orElseThrow(() -> new AssertionError("no " + name + " in " + event.name()));
    }

    private static void assertRefusedLate(Outcome outcome, String eventName, LoginResult result) {
        assertEquals(outcome, result.outcome());
        assertFalse(result.admitted());
        assertTrue(result.delayed(), "a refusal of offered credentials waits for the failure delay");
        assertEquals(Optional.ofNullable(eventName), result.event().map(ManagerEvent::name));
    }

    @Test
    void aConfigWriterWithTheRightSecretIsAdmittedAndReported() throws Exception {
        LoginResult result = check(basic("admin:s3cret"));
        assertTrue(result.admitted());
        assertFalse(result.delayed());
        ManagerEvent event = event(result);
        assertEquals("SuccessfulAuth", event.name());
        assertEquals("REST", header(event, "Service"), "an operator tells REST logins from AMI ones");
        assertEquals("admin", header(event, "AccountID"));
        assertEquals("IPV4/TCP/127.0.0.1/8080", header(event, "LocalAddress"));
        assertEquals("IPV4/TCP/192.0.2.7/50000", header(event, "RemoteAddress"));
        assertEquals("2026-11-28T03:34:54.890+0000", header(event, "SessionTV"), "logged in now");
        assertTrue(header(event, "SessionID").matches("0x[0-9a-f]+"), header(event, "SessionID"));
    }

    @Test
    void accountNamesMatchWithoutRegardToCaseAndAreReportedAsTyped() throws Exception {
        LoginResult result = check(basic("ADMIN:s3cret"));
        assertTrue(result.admitted());
        assertEquals("ADMIN", header(event(result), "AccountID"));
    }

    @Test
    void eachRequestIsASessionOfItsOwn() throws Exception {
        assertFalse(header(event(check(basic("admin:s3cret"))), "SessionID")
                .equals(header(event(check(basic("admin:s3cret"))), "SessionID")));
    }

    @Test
    void overHttpsTheAddressesNameTls() throws Exception {
        LoginRequest plain = request(basic("admin:s3cret"), "192.0.2.7");
        LoginRequest tls = new LoginRequest(plain.authorization(), plain.method(), plain.path(), plain.local(),
                plain.remote(), true);
        ManagerEvent event = event(login.check(tls, NOW));
        assertEquals("IPV4/TLS/192.0.2.7/50000", header(event, "RemoteAddress"));
        assertEquals("IPV4/TLS/127.0.0.1/8080", header(event, "LocalAddress"));
    }

    @Test
    void noCredentialsAreChallengedAtOnceWithoutAnEvent() throws Exception {
        for (String authorization : new String[] {null, "Bearer abc", "Digest username=\"admin\""}) {
            LoginResult result = check(authorization);
            assertEquals(Outcome.NO_CREDENTIALS, result.outcome(), authorization);
            assertFalse(result.delayed(), "curl's first try is not a guess");
            assertTrue(result.event().isEmpty());
        }
    }

    @Test
    void anUnknownAccountIsInvalidAccountId() throws Exception {
        LoginResult result = check(basic("nobody:s3cret"));
        assertRefusedLate(Outcome.UNKNOWN_ACCOUNT, "InvalidAccountID", result);
        assertEquals("nobody", header(event(result), "AccountID"));
        assertEquals("1970-01-01T00:00:00.000+0000", header(event(result), "SessionTV"), "not logged in");
        assertEquals("REST", header(event(result), "Service"));
    }

    @Test
    void aWrongSecretIsInvalidPassword() throws Exception {
        LoginResult result = check(basic("admin:S3cret"));
        assertRefusedLate(Outcome.WRONG_SECRET, "InvalidPassword", result);
        assertEquals("2", header(event(result), "EventVersion"));
        assertEquals("1970-01-01T00:00:00.000+0000", header(event(result), "SessionTV"));
    }

    @Test
    void anAddressTheAccountDeniesIsFailedAclEvenWithTheRightSecret() throws Exception {
        assertRefusedLate(Outcome.ACL_REFUSED, "FailedACL", check(basic("fenced:pw")));
        // as over AMI the address is judged first, so a wrong secret from there is FailedACL too
        assertRefusedLate(Outcome.ACL_REFUSED, "FailedACL", check(basic("fenced:wrong")));
        assertTrue(login.check(request(basic("fenced:pw"), "10.1.2.3"), NOW).admitted(), "a permitted address");
    }

    @Test
    void theGroupsAreAdminForConfigWriteReaderForConfigReadOnlyAndNoneOtherwise() throws Exception {
        assertEquals(Set.of(Roles.ADMIN), check(basic("admin:s3cret")).groups());
        assertEquals(Set.of(Roles.READER), check(basic("reader:pw5")).groups());
        LoginResult limited = check(basic("limited:pw2"));
        assertTrue(limited.admitted(), "the login is right; each request is then refused for want of a role");
        assertEquals(Set.of(), limited.groups());
        assertEquals("SuccessfulAuth", event(limited).name());
        // the secret is checked before anything else about the account, so a guess learns nothing of its rights
        assertRefusedLate(Outcome.WRONG_SECRET, "InvalidPassword", check(basic("limited:wrong")));
    }

    @Test
    void anAdmittedLoginNamesTheAccountAsStoredAndItsSession() throws Exception {
        LoginResult result = check(basic("ADMIN:s3cret"));
        assertEquals("admin", result.username(), "the caller is the account");
        assertEquals(header(event(result), "SessionID"), result.peer().sessionId(), "later events name the same session");
        assertEquals(NOW, result.peer().sessionTv());
    }

    @Test
    void theConsolesLoginFollowsTheSameRules() throws Exception {
        LoginRequest form = request(null, "192.0.2.7");
        assertTrue(login.login("admin", "s3cret", form, NOW).admitted());
        assertRefusedLate(Outcome.WRONG_SECRET, "InvalidPassword", login.login("admin", "nope", form, NOW));
        assertRefusedLate(Outcome.ACL_REFUSED, "FailedACL", login.login("fenced", "pw", form, NOW));
        assertRefusedLate(Outcome.MALFORMED, null, login.login("", "s3cret", form, NOW));
    }

    @Test
    void aSessionStandsWhileTheAccountExistsAndLetsTheAddressInAndTakesItsGroupsAnew() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.7");
        assertEquals(Optional.of(Set.of(Roles.ADMIN)), login.resume("admin", client));
        assertEquals(Optional.of(Set.of()), login.resume("limited", client));
        assertEquals(Optional.empty(), login.resume("gone", client));
        assertEquals(Optional.empty(), login.resume("fenced", client), "the address is denied");
        assertEquals(Optional.of(Set.of(Roles.ADMIN)), login.resume("fenced", InetAddress.getByName("10.1.2.3")));
        assertEquals(Optional.empty(), login.resume("nosecret", client));
    }

    @Test
    void anAccountWithoutASecretNeverLogsInAndRaisesNoEvent() throws Exception {
        assertRefusedLate(Outcome.WRONG_SECRET, null, check(basic("nosecret:")));
        assertRefusedLate(Outcome.WRONG_SECRET, null, check(basic("nosecret:anything")));
    }

    @Test
    void unreadableBasicCredentialsAreRefusedLateWithoutAnEvent() throws Exception {
        assertRefusedLate(Outcome.MALFORMED, null, check("Basic not*base64!"));
        assertRefusedLate(Outcome.MALFORMED, null, check(basic("admin")), "no colon");
        assertRefusedLate(Outcome.MALFORMED, null, check(basic(":s3cret")), "no name, as an AMI login without Username");
        assertRefusedLate(Outcome.MALFORMED, null, check(basic("ad\r\nEvent: Forged:x")), "a line break in the name");
    }

    private static void assertRefusedLate(Outcome outcome, String eventName, LoginResult result, String why) {
        assertEquals(outcome, result.outcome(), why);
        assertTrue(result.delayed(), why);
        assertEquals(Optional.ofNullable(eventName), result.event().map(ManagerEvent::name), why);
    }

    @Test
    void theSecretIsUtf8AsTheChallengeAnnounces() throws Exception {
        assertTrue(check(basic("unicode:pässwörd€")).admitted());
        // the same secret in ISO-8859-1 is not UTF-8: refused as unreadable, not decoded into U+FFFD
        assertRefusedLate(Outcome.MALFORMED, null,
                check(basic("unicode:pässwörd".getBytes(StandardCharsets.ISO_8859_1))), "Latin-1 bytes");
        assertRefusedLate(Outcome.WRONG_SECRET, "InvalidPassword", check(basic("unicode:passwörd€")));
    }

    @Test
    void guessesWaitLongerThenTheAccountIsLockedFromThatAddressEvenForTheRightSecret() throws Exception {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            LoginResult guess = check(basic("admin:guess" + i));
            assertRefusedLate(Outcome.WRONG_SECRET, "InvalidPassword", guess);
            waits.add(guess.delay().toSeconds());
        }
        assertEquals(List.of(1L, 1L, 1L, 2L, 4L, 8L, 8L, 8L, 8L, 8L), waits);
        LoginResult right = check(basic("admin:s3cret"));
        assertRefusedLate(Outcome.LOCKED_OUT, "SessionLimit", right);
        assertEquals("REST", header(event(right), "Service"));
        assertTrue(login.check(request(basic("admin:s3cret"), "192.0.2.8"), NOW).admitted(),
                "the account is open from another address");
        assertEquals(1, throttle.lockouts(NOW).size(), "the AMI side sees the same lock");
        throttle.clear("admin", null);
        assertTrue(check(basic("admin:s3cret")).admitted(), "an administrator lifted it");
    }

    @Test
    void theSecretIsEverythingAfterTheFirstColonAndTheSchemeIsCaseInsensitive() throws Exception {
        HttpLogin colons = new HttpLogin(new ManagerConfiguration(GeneralSettings.DEFAULTS,
                List.of(Account.of("c", "a:b", ALL, ALL)))::account, throttle);
        assertTrue(colons.check(request(basic("c:a:b"), "192.0.2.7"), NOW).admitted());
        assertTrue(check("bAsIc " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8)))
                .admitted());
    }

    @Test
    void anAccountIdIsCutWhereNoAccountNameIsLonger() throws Exception {
        String name = "x".repeat(10_000);
        LoginResult result = check(basic(name + ":pw"));
        assertRefusedLate(Outcome.UNKNOWN_ACCOUNT, "InvalidAccountID", result);
        assertEquals("x".repeat(HttpLogin.MAX_ACCOUNT_ID), header(event(result), "AccountID"));
        assertEquals("x".repeat(HttpLogin.MAX_ACCOUNT_ID), result.username(), "logged as reported");
    }
}
