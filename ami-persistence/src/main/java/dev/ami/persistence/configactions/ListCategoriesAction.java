package dev.ami.persistence.configactions;

import dev.ami.api.authority.Authority;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.connector.ActionRequest;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import java.util.List;

/** {@code ListCategories}: the category names of a stored file, {@code Category-NNNNNN: name}. */
final class ListCategoriesAction implements ConfigAction {

    @Override
    public String name() {
        return "ListCategories";
    }

    @Override
    public Authority write() {
        return Authority.of(AuthorityClass.CONFIG);
    }

    @Override
    public String synopsis() {
        return "List categories in configuration file.";
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
        ManagerResponse out = ManagerResponse.success(m);
        int count = 0;
        for (Category c : ConfigReplies.selected(store.categories(file), "", m.get("Match"))) {
            out.header(String.format("Category-%06d", count++), c.name());
        }
        if (count == 0) {
            out.header("Error", "no categories found");
        }
        return List.of(out.build());
    }
}
