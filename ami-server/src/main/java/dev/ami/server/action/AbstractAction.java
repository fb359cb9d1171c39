package dev.ami.server.action;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;

/** The name, synopsis and write classes every built-in action declares, held in one place. */
public abstract class AbstractAction implements ActionHandler {

    private final String name;
    private final String synopsis;
    private final Authority authority;

    /**
     * @param name     the action name as ListCommands prints it
     * @param synopsis the ListCommands synopsis
     * @param classes  the write classes of which an account needs any one (none: every account)
     */
    protected AbstractAction(String name, String synopsis, AuthorityClass... classes) {
        this.name = name;
        this.synopsis = synopsis;
        this.authority = Authority.of(classes);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Authority authority() {
        return authority;
    }

    @Override
    public final String synopsis() {
        return synopsis;
    }

    @Override
    public String toString() {
        return name + " (" + authority.privilege() + ")";
    }
}
