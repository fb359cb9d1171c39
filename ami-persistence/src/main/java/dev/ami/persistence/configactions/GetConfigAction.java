package dev.ami.persistence.configactions;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.Header;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import java.util.List;

/**
 * {@code GetConfig}: the categories and lines of a stored file, as Asterisk prints them
 * (main/manager.c, action_getconfig: {@code Category-NNNNNN}, {@code Line-NNNNNN-NNNNNN: name=value}),
 * with the {@code Category} and {@code Filter} selections. Secrets are shown only to accounts with
 * {@code config} write.
 */
@AmiAction(name = "GetConfig", write = {AuthorityClass.SYSTEM, AuthorityClass.CONFIG}, synopsis = "Retrieve configuration.")
final class GetConfigAction extends ConfigFileAction {

    GetConfigAction(StoredFiles files) {
        super(files);
    }

    @Override
    List<ManagerMessage> answer(ActionRequest request, ConfigFile file) {
        ManagerAction m = request.action();
        String wanted = m.get("Category");
        ManagerResponse out = ManagerResponse.success(m);
        int count = 0;
        for (Category c : ConfigReplies.selected(files.categories(file), wanted, m.get("Filter"))) {
            String n = String.format("%06d", count);
            out.header("Category-" + n, c.name());
            if (c.template()) {
                out.header("IsTemplate-" + n, "1");
            }
            if (!c.templates().isEmpty()) {
                out.header("Templates-" + n, String.join(",", c.templates()));
            }
            int line = 0;
            for (Category.Line l : c.lines()) {
                out.header(String.format("Line-%s-%06d", n, line++), l.name() + "=" + ConfigReplies.shown(l, request));
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
