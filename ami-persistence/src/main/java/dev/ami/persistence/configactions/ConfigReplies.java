package dev.ami.persistence.configactions;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import java.util.List;

/** What the configuration actions share: Asterisk's errors, category selection, secret masking. */
final class ConfigReplies {

    /** What an account without config write sees instead of a secret. */
    static final String MASK = "********";

    static final String NOT_SPECIFIED = "Filename not specified";
    static final String ESCALATED = "File requires escalated privileges";
    static final String NOT_FOUND = "Config file not found";

    private ConfigReplies() {
    }

    static List<ManagerMessage> error(ManagerAction request, String message) {
        return List.of(ManagerResponse.error(request).message(message).build());
    }

    /** Categories with this name (any, if empty; compared without regard to case) that pass the filter. */
    static List<Category> selected(List<Category> all, String name, String filter) {
        return all.stream().filter(c -> name.isEmpty() || c.name().equalsIgnoreCase(name))
                .filter(c -> c.matches(filter)).toList();
    }

    /**
     * @return the line's value, or {@link #MASK} for a {@code secret} when the account lacks
     *         config write (Asterisk shows it to any account with system write)
     */
    static String shown(Category.Line line, ActionRequest request) {
        boolean secret = line.name().equalsIgnoreCase("secret");
        return secret && !request.write().intersects(Authority.of(AuthorityClass.CONFIG)) ? MASK : line.value();
    }
}
