package dev.ami.persistence.store;

import dev.ami.persistence.manager.FieldProblem;
import dev.ami.persistence.manager.Templates;
import java.util.List;

/**
 * What a change of a template stored.
 *
 * @param template the template as kept now
 * @param warnings what an import would warn about in its lines, by option ({@code options.<name>})
 * @param changed  false if it already was as asked (nothing was written, nobody told)
 */
public record TemplateWrite(Templates.Template template, List<FieldProblem> warnings, boolean changed) {

    public TemplateWrite {
        warnings = List.copyOf(warnings);
    }
}
