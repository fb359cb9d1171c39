package dev.ami.persistence.configactions;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.ActionRequest;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import java.util.List;

/** {@code GetConfigJSON}: the same selection as GetConfig, as one {@code JSON:} header written as Asterisk writes it. */
final class GetConfigJsonAction implements ConfigAction {

    @Override
    public String name() {
        return "GetConfigJSON";
    }

    @Override
    public Authority write() {
        return Authority.of(AuthorityClass.SYSTEM, AuthorityClass.CONFIG);
    }

    @Override
    public String synopsis() {
        return "Retrieve configuration (JSON format).";
    }

    @Override
    public List<ManagerMessage> handle(ActionRequest request, StoredFiles store) {
        ManagerAction m = request.action();
        String filename = m.get("Filename");
        if (filename.isEmpty()) {
            return ConfigReplies.error(m, "Filename not specified");
        }
        ConfigFile file = store.resolve(filename);
        if (!file.stored()) {
            // Asterisk answers this for a missing file too
            return ConfigReplies.error(m, "File requires escalated privileges");
        }
        StringBuilder json = new StringBuilder("{");
        boolean firstCategory = true;
        for (Category c : ConfigReplies.selected(store.categories(file), m.get("Category"), m.get("Filter"))) {
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
            for (String[] l : c.lines()) {
                json.append(first ? "" : ",").append('"').append(escape(l[0])).append("\":\"")
                        .append(escape(ConfigReplies.shown(l, request))).append('"');
                first = false;
            }
            json.append('}');
        }
        json.append('}');
        return List.of(ManagerResponse.success(m).header("JSON", json.toString()).build());
    }

    /** Asterisk's JSON escaping here: a backslash before each quote and backslash, nothing else. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
