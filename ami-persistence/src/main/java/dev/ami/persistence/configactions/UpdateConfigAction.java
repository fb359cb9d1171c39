package dev.ami.persistence.configactions;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import dev.ami.persistence.audit.Actor;
import dev.ami.persistence.conf.ConfigParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code UpdateConfig}: Asterisk's numbered edits ({@code Action-NNNNNN}, {@code Cat-}, {@code Var-},
 * {@code Value-}, {@code Match-}, {@code Line-}, {@code Options-}) applied in order to the stored
 * file (main/manager.c, action_updateconfig and handle_updates), then saved as one import: every
 * edit or none, validated like any import, applied at once. Values may be secrets: they are never
 * logged ({@code Value-*} is a sensitive header).
 */
@AmiAction(name = "UpdateConfig", write = AuthorityClass.CONFIG, synopsis = "Update basic configuration.",
        sensitiveHeaders = "Value-*")
final class UpdateConfigAction extends ConfigFileAction {

    private static final Logger LOG = Logger.getLogger(UpdateConfigAction.class.getName());

    /** Asterisk's answer when the edited file cannot be saved (action_updateconfig). */
    private static final String SAVE_FAILED = "Save of config failed";

    /** handle_updates stops at this many edits. */
    private static final int MAX_EDITS = 100_000;

    UpdateConfigAction(StoredFiles files) {
        super(files);
    }

    @Override
    List<String> filenameHeaders() {
        return List.of("SrcFilename", "DstFilename");
    }

    /** Asterisk refuses a missing file the same way; one stored file is not saved as another. */
    @Override
    Optional<String> refusal(List<ConfigFile> named) {
        return named.get(0).stored() && named.get(1) == named.get(0) ? Optional.empty()
                : Optional.of(ConfigReplies.ESCALATED);
    }

    @Override
    String unavailable() {
        return SAVE_FAILED;
    }

    @Override
    List<ManagerMessage> answer(ActionRequest request, ConfigFile file) {
        ManagerAction m = request.action();
        EditResult result = apply(m, files.categories(file));
        if (result instanceof EditResult.Failed failed) {
            return ConfigReplies.error(m, failed.message());
        }
        return save(request, file, ((EditResult.Applied) result).categories());
    }

    private List<ManagerMessage> save(ActionRequest request, ConfigFile file, List<Category> categories) {
        try {
            files.save(file, categories, new Actor(request.username(), request.remoteAddress().isEmpty() ? null
                    : request.remoteAddress(), Actor.UPDATE_CONFIG));
        } catch (ConfigParseException e) {
            LOG.warning(() -> "UpdateConfig by " + request.username() + " refused: " + e.getMessage());
            return ConfigReplies.error(request.action(), SAVE_FAILED);
        }
        return List.of(ManagerResponse.success(request.action()).build());
    }

    /**
     * Applies the edits as Asterisk's {@code handle_updates} does: each edit acts on every category
     * of that name that its {@code catfilter} option selects (templates only when the filter asks
     * for them, {@code TEMPLATES=include} or {@code restrict}); {@code ignoreerror} forgives a
     * missing category or line where Asterisk does. An edit whose text would not read back as
     * itself ({@link Verbatim}) fails as a failed update.
     *
     * @param m      the request
     * @param stored the file's categories
     * @return the edited categories, or Asterisk's error for the first edit that failed
     */
    static EditResult apply(ManagerAction m, List<Category> stored) {
        List<Category> categories = new ArrayList<>(stored);
        for (int x = 0; x < MAX_EDITS; x++) {
            String n = String.format("%06d", x);
            String action = m.get("Action-" + n);
            if (action.isEmpty()) {
                break;
            }
            Optional<String> failure = Edit.of(m, n).applyTo(action, categories);
            if (failure.isPresent()) {
                return new EditResult.Failed(failure.get());
            }
        }
        return new EditResult.Applied(categories);
    }
}
