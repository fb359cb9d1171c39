package dev.ami.server.action.login;

/** Gives tests in other packages the key computation of {@link LoginAction}. */
public final class LoginActionAccess {

    private LoginActionAccess() {
    }

    public static String md5Hex(String text) {
        return LoginAction.md5Hex(text);
    }
}
