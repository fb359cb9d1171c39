package dev.ami.persistence.configactions;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.ManagerMessage;
import java.util.List;

/**
 * {@code CreateConfig}: Asterisk creates an empty file (main/manager.c, action_createconfig). The
 * files this server keeps always exist ({@code File exists}, as Asterisk's exclusive create
 * answers); it creates no other files.
 */
@AmiAction(name = "CreateConfig", write = AuthorityClass.CONFIG,
        synopsis = "Creates an empty file in the configuration directory.")
final class CreateConfigAction extends ConfigFileAction {

    CreateConfigAction(StoredFiles files) {
        super(files);
    }

    @Override
    String notStored() {
        return "Only manager.conf and http.conf are kept by this server; other files cannot be created";
    }

    @Override
    List<ManagerMessage> answer(ActionRequest request, ConfigFile file) {
        return ConfigReplies.error(request.action(), "File exists");
    }
}
