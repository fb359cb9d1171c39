package dev.ami.persistence.configactions;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.action.ManagerActionHandler;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.persistence.store.DatabaseFailure;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What every configuration action does first, in one place: read the file name headers (an empty
 * one is {@code Filename not specified}), resolve them by name ({@link ConfigFile}), and answer
 * Asterisk's error for a file that cannot be served; only then does the action itself run. A
 * database that fails meanwhile (gone away) is answered with the action's error and one log line.
 */
abstract class ConfigFileAction implements ManagerActionHandler {

    private static final Logger LOG = Logger.getLogger(ConfigFileAction.class.getName());

    final StoredFiles files;

    ConfigFileAction(StoredFiles files) {
        this.files = files;
    }

    @Override
    public final List<ManagerMessage> handle(ActionRequest request) {
        ManagerAction m = request.action();
        List<String> names = filenameHeaders().stream().map(m::get).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            return ConfigReplies.error(m, ConfigReplies.NOT_SPECIFIED);
        }
        List<ConfigFile> named = names.stream().map(files::resolve).toList();
        Optional<String> refusal = refusal(named);
        if (refusal.isPresent()) {
            return ConfigReplies.error(m, refusal.get());
        }
        try {
            return answer(request, named.get(0));
        } catch (RuntimeException e) {
            DatabaseFailure failure = DatabaseFailure.of(e).orElseThrow(() -> e);
            LOG.warning(() -> getClass().getAnnotation(AmiAction.class).name() + " by " + request.username() + " not done: "
                    + failure.message());
            return ConfigReplies.error(m, unavailable());
        }
    }

    /**
     * @return the answer when the store cannot be read or written: Asterisk's for a file it cannot
     *         load (main/manager.c, action_getconfig); an action that saves says so
     */
    String unavailable() {
        return ConfigReplies.NOT_FOUND;
    }

    /** @return the headers that name files, the file acted on first */
    List<String> filenameHeaders() {
        return List.of("Filename");
    }

    /**
     * @param named what each file name header names
     * @return Asterisk's error when they cannot be served: {@code File requires escalated
     *         privileges} for a name outside the folder, {@link #notStored()} for any other file
     *         that is not stored
     */
    Optional<String> refusal(List<ConfigFile> named) {
        return switch (named.get(0)) {
            case MANAGER, HTTP -> Optional.empty();
            case RESTRICTED -> Optional.of(ConfigReplies.ESCALATED);
            case MISSING -> Optional.of(notStored());
        };
    }

    /** @return the answer for a file in the folder that is not stored (main/manager.c, action_getconfig) */
    String notStored() {
        return ConfigReplies.NOT_FOUND;
    }

    /**
     * @param request the request and who asks
     * @param file    the stored file it names
     * @return the answer
     */
    abstract List<ManagerMessage> answer(ActionRequest request, ConfigFile file);
}
