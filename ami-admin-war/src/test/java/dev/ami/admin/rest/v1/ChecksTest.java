package dev.ami.admin.rest.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ami.admin.rest.v1.AccountInput.AclInput;
import dev.ami.admin.rest.v1.AccountInput.FilterInput;
import dev.ami.persistence.manager.FieldProblem;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The Bean Validation constraints of the bodies, as the server's validator applies them, named by field. */
class ChecksTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static List<FieldProblem> problems(Object input) {
        List<FieldProblem> problems = new ArrayList<>();
        Checks.validate(VALIDATOR, input, problems);
        return problems;
    }

    private static AccountInput account(String name, String secret, List<AclInput> acl, Integer writeTimeout,
            List<FilterInput> filters, List<String> variables, List<String> namedAcls) {
        return new AccountInput(name, secret, List.of("system"), List.of(), acl, null, true, writeTimeout, filters,
                variables, namedAcls);
    }

    @Test
    void aGoodAccountPasses() {
        assertEquals(List.of(), problems(account("bob", "s3cret", List.of(new AclInput("deny", "0.0.0.0/0")), 100,
                List.of(new FilterInput(null, "x"), new FilterInput("action(include)", "y")), List.of("A=", "B=x=y"),
                List.of("office"))));
        assertEquals(List.of(), problems(account("bob", null, List.of(), null, List.of(), List.of(), List.of())));
    }

    @Test
    void eachViolationIsNamedByItsField() {
        List<FieldProblem> found = problems(account(" bob", "", List.of(new AclInput("allow", "x"), new AclInput(null, null)),
                99, List.of(new FilterInput("c", null)), List.of("NOEQUALS", "=x"), List.of("a,b", " lead")));
        assertEquals(List.of("acl[0].rule", "acl[1].address", "acl[1].rule", "eventFilters[0].pattern", "name",
                "namedAcls[0]", "namedAcls[1]", "secret", "variables[0]", "variables[1]", "writeTimeout"),
                found.stream().map(FieldProblem::field).toList());
        assertTrue(found.stream().anyMatch(p -> p.reason().equals(
                "must be at least 100 milliseconds, as Asterisk's writetimeout")));
        assertEquals(List.of("name"), problems(account("n".repeat(256), null, List.of(), null, List.of(), List.of(), List.of()))
                .stream().map(FieldProblem::field).toList());
        assertEquals(List.of("name"), problems(new RenameInput(null)).stream().map(FieldProblem::field).toList());
        assertEquals(List.of("secret"), problems(new SecretInput("")).stream().map(FieldProblem::field).toList());
        assertEquals(List.of("limit", "offset"), problems(new Paging(-1, 1001)).stream().map(FieldProblem::field).toList());
        assertEquals(List.of("limit"), problems(new Paging(0, 0)).stream().map(FieldProblem::field).toList());
    }

    @Test
    void problemsRefuseTheRequest() {
        Checks.refuseIf(List.of(), "nothing");
        ProblemException e = assertThrows(ProblemException.class,
                () -> Checks.refuseIf(List.of(new FieldProblem("limit", "too big")), "paging"));
        assertEquals(400, e.problem().status());
        assertEquals(Problem.INVALID, e.problem().type());
    }
}
