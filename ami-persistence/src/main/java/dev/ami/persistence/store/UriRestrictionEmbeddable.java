package dev.ami.persistence.store;

import dev.ami.api.acl.AccessList;
import dev.ami.api.acl.AclRule;
import dev.ami.api.connector.UriRestriction;
import dev.ami.persistence.manager.StoredLengths;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored {@code type = restriction} section of http.conf; its position is the list index. The
 * rules are kept in one column, a {@code permit address/mask} or {@code deny address/mask} line
 * each, so that a restriction without rules is kept too.
 */
@Embeddable
public class UriRestrictionEmbeddable {

    @Column(nullable = false, length = StoredLengths.NAME)
    private String prefix;

    @Column(nullable = false, length = StoredLengths.RULES)
    private String rules;

    protected UriRestrictionEmbeddable() {
    }

    UriRestrictionEmbeddable(UriRestriction restriction) {
        prefix = restriction.prefix();
        List<String> lines = new ArrayList<>();
        for (AclRule rule : restriction.acl().rules()) {
            lines.add((rule.permit() ? "permit " : "deny ") + rule.entry());
        }
        rules = String.join("\n", lines);
    }

    UriRestriction toRestriction() {
        List<AclRule> parsed = new ArrayList<>();
        if (!rules.isEmpty()) {
            for (String line : rules.split("\n")) {
                int blank = line.indexOf(' ');
                parsed.addAll(AclRule.parse(line.substring(0, blank).equals("permit"), line.substring(blank + 1)));
            }
        }
        return new UriRestriction(prefix, new AccessList(parsed));
    }
}
