package dev.ami.persistence.configactions;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.ActionRequest;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import java.util.List;

/**
 * {@code GetConfig}: the categories and lines of a stored file, as Asterisk prints them
 * ({@code Category-NNNNNN}, {@code Line-NNNNNN-NNNNNN: name=value}), with the {@code Category}
 * and {@code Filter} selections. Secrets are shown only to accounts with {@code config} write.
 */
final class GetConfigAction implements ConfigAction {

    @Override
    public String name() {
        return "GetConfig";
    }

    @Override
    public Authority write() {
        return Authority.of(AuthorityClass.SYSTEM, AuthorityClass.CONFIG);
    }

    @Override
    public String synopsis() {
        return "Retrieve configuration.";
    }

    @Override
    public List<ManagerMessage> handle(ActionRequest request, StoredFiles store) {
        ManagerAction m = request.action();
        String filename = m.get("Filename");
        if (filename.isEmpty()) {
            return ConfigReplies.error(m, "Filename not specified");
        }
        ConfigFile file = store.resolve(filename);
        if (file == ConfigFile.RESTRICTED) {
            return ConfigReplies.error(m, "File requires escalated privileges");
        }
        if (file == ConfigFile.MISSING) {
            return ConfigReplies.error(m, "Config file not found");
        }
        String wanted = m.get("Category");
        ManagerResponse out = ManagerResponse.success(m);
        int count = 0;
        for (Category c : ConfigReplies.selected(store.categories(file), wanted, m.get("Filter"))) {
            String n = String.format("%06d", count);
            out.header("Category-" + n, c.name());
            if (c.template()) {
                out.header("IsTemplate-" + n, "1");
            }
            if (!c.templates().isEmpty()) {
                out.header("Templates-" + n, String.join(",", c.templates()));
            }
            int line = 0;
            for (String[] l : c.lines()) {
                out.header(String.format("Line-%s-%06d", n, line++), l[0] + "=" + ConfigReplies.shown(l, request));
            }
            count++;
        }
        ManagerMessage message = out.build();
        if (!wanted.isEmpty() && count == 0) {
            message = message.with(message.headers().size(), Header.raw("No categories found"));
        }
        return List.of(message);
    }
}
