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
     * @param offset    the {@code offset} query parameter, or null (0)
     * @param limit     the {@code limit} query parameter, or null ({@link #DEFAULT_LIMIT})
     * @param validator checks the bounds
     * @param problems  where the problems of these and of the list's other parameters go
     * @return the page asked for
     * @throws ProblemException 400 naming every problem found, these and those already in {@code problems}
     */
    static Paging of(String offset, String limit, Validator validator, List<FieldProblem> problems) {
        Paging paging = new Paging(number("offset", offset, 0, problems), number("limit", limit, DEFAULT_LIMIT, problems));
        Checks.validate(validator, paging, problems);
        Checks.refuseIf(problems, "offset is a whole number from 0, limit one from 1 to " + MAX_LIMIT);
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
