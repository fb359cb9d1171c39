package dev.ami.admin.rest.v1;

/** Ends a request with a {@link Problem}, answered by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /** @param problem the answer */
    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    /** @return the answer */
    public Problem problem() {
        return problem;
    }
}
