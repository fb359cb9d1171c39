package dev.ami.admin.rest.v1;

import dev.ami.persistence.manager.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/** Bean Validation's findings as problems, and the refusal of a request that has any. */
final class Checks {

    private Checks() {
    }

    /**
     * @param validator the validator
     * @param input     what to check
     * @param problems  gets one problem per violated constraint, named by its path ({@code acl[1].rule})
     */
    static void validate(Validator validator, Object input, List<FieldProblem> problems) {
        validator.validate(input).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> field(v.getPropertyPath()))
                        .thenComparing(ConstraintViolation::getMessage))
                // the message only: the invalid value may be a secret
                .forEach(v -> problems.add(new FieldProblem(field(v.getPropertyPath()), v.getMessage())));
    }

    /** {@code acl[1].rule}, {@code variables[0]}: the index of a list element goes with the list before it. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                field.append(field.length() == 0 ? "" : ".").append(name);
            }
        }
        return field.toString();
    }

    /**
     * @param problems what was found
     * @param detail   what the request was
     * @throws ProblemException 400 naming them, if there are any
     */
    static void refuseIf(List<FieldProblem> problems, String detail) {
        if (!problems.isEmpty()) {
            throw new ProblemException(new Problem(Problem.INVALID, "The request is not valid", 400, detail, problems));
        }
    }
}
