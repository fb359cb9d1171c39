package dev.ami.admin.rest.v1;

import dev.ami.persistence.manager.FieldProblem;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * A page of a list.
 *
 * @param offset how many to skip
 * @param limit  how many at most
 */
record Paging(@Min(0) int offset, @Min(1) @Max(Paging.MAX_LIMIT) int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /**
     * @param offset    the query's {@code offset}, or null (0)
     * @param limit     the query's {@code limit}, or null ({@value #DEFAULT_LIMIT})
     * @param validator checks the bounds
     * @param problems  gets what is wrong with either, by parameter name
     * @return the page asked for (defaults in place of what is wrong)
     */
    static Paging read(String offset, String limit, Validator validator, List<FieldProblem> problems) {
        Paging paging = new Paging(number("offset", offset, 0, problems), number("limit", limit, DEFAULT_LIMIT, problems));
        Checks.validate(validator, paging, problems);
        return paging;
    }

    private static int number(String parameter, String value, int dflt, List<FieldProblem> problems) {
        if (value == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(parameter, "must be a whole number"));
            return dflt;
        }
    }
}
