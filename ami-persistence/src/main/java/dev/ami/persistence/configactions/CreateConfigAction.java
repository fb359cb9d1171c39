package dev.ami.persistence.configactions;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.ActionRequest;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import java.util.List;

/**
 * {@code CreateConfig}: Asterisk creates an empty file. The files this server keeps always exist
 * ({@code File exists}, as Asterisk's exclusive create answers); it creates no other files.
 */
final class CreateConfigAction implements ConfigAction {

    @Override
    public String name() {
        return "CreateConfig";
    }

    @Override
    public Authority write() {
        return Authority.of(AuthorityClass.CONFIG);
    }

    @Override
    public String synopsis() {
        return "Creates an empty file in the configuration directory.";
    }

    @Override
    public List<ManagerMessage> handle(ActionRequest request, StoredFiles store) {
        ManagerAction m = request.action();
        String filename = m.get("Filename");
        if (filename.isEmpty()) {
            return ConfigReplies.error(m, "Filename not specified");
        }
        if (store.leaves(filename)) {
            return ConfigReplies.error(m, "File requires escalated privileges");
        }
        return switch (store.resolve(filename)) {
            case MANAGER, HTTP -> ConfigReplies.error(m, "File exists");
            case RESTRICTED -> ConfigReplies.error(m, "File requires escalated privileges");
            case MISSING -> ConfigReplies.error(m, "Only manager.conf and http.conf are kept by this server;"
                    + " other files cannot be created");
        };
    }
}
