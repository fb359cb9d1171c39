package dev.ami.persistence.configactions;

import dev.ami.api.action.ActionRequest;
import dev.ami.api.action.AmiAction;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.api.message.ManagerAction;
import dev.ami.api.message.ManagerMessage;
import dev.ami.api.message.ManagerResponse;
import java.util.List;

/**
 * {@code ListCategories}: the category names of a stored file, {@code Category-NNNNNN: name}
 * (main/manager.c, action_listcategories).
 */
@AmiAction(name = "ListCategories", write = AuthorityClass.CONFIG, synopsis = "List categories in configuration file.")
final class ListCategoriesAction extends ConfigFileAction {

    ListCategoriesAction(StoredFiles files) {
        super(files);
    }

    @Override
    List<ManagerMessage> answer(ActionRequest request, ConfigFile file) {
        ManagerAction m = request.action();
        ManagerResponse out = ManagerResponse.success(m);
        int count = 0;
        for (Category c : ConfigReplies.selected(files.categories(file), "", m.get("Match"))) {
            out.header(String.format("Category-%06d", count++), c.name());
        }
        if (count == 0) {
            out.header("Error", "no categories found");
        }
        return List.of(out.build());
    }
}
