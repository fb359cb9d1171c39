package dev.ami.persistence.configactions;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import java.util.List;

/**
 * {@code GetConfigJSON}: the same selection as GetConfig, as one {@code JSON:} header written as
 * Asterisk writes it (main/manager.c, action_getconfigjson).
 */
@AmiAction(name = "GetConfigJSON", write = {AuthorityClass.SYSTEM, AuthorityClass.CONFIG},
        synopsis = "Retrieve configuration (JSON format).")
final class GetConfigJsonAction extends ConfigFileAction {

    GetConfigJsonAction(StoredFiles files) {
        super(files);
    }

    /** Asterisk answers this for a missing file too: its restriction check fails there (action_getconfigjson). */
    @Override
    String notStored() {
        return ConfigReplies.ESCALATED;
    }

    @Override
    List<ManagerMessage> answer(ActionRequest request, ConfigFile file) {
        ManagerAction m = request.action();
        StringBuilder json = new StringBuilder("{");
        boolean firstCategory = true;
        for (Category c : ConfigReplies.selected(files.categories(file), m.get("Category"), m.get("Filter"))) {
            json.append(firstCategory ? "" : ",").append('"').append(escape(c.name())).append("\":{");
            firstCategory = false;
            boolean first = true;
            if (c.template()) {
                json.append("\"istemplate\":1");
                first = false;
            }
            if (!c.templates().isEmpty()) {
                // Asterisk writes the names unescaped here
                json.append(first ? "" : ",").append("\"templates\":\"").append(String.join(",", c.templates())).append('"');
                first = false;
            }
            for (Category.Line l : c.lines()) {
                json.append(first ? "" : ",").append('"').append(escape(l.name())).append("\":\"")
                        .append(escape(ConfigReplies.shown(l, request))).append('"');
                first = false;
            }
            json.append('}');
        }
        json.append('}');
        return List.of(ManagerResponse.success(m).header("JSON", json.toString()).build());
    }

    /** Asterisk's JSON escaping here (json_escape): a backslash before each quote and backslash, nothing else. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
