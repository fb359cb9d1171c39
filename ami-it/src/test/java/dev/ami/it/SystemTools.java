package dev.ami.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs some tests need from the machine (Node.js, curl), which the README's set-up does not
 * install: .ci/run installs them from Debian's packages. Without one such a test is skipped with a
 * message naming what is missing, or fails when its variable says yes (CI sets it), so that a CI
 * run without the program cannot pass as if it had tested with it.
 */
final class SystemTools {

    private SystemTools() {
    }

    /**
     * Skips the calling test, or fails it, unless every program is on the PATH.
     *
     * @param requiredVariable the system property or environment variable that, set to {@code yes},
     *                         turns a missing program into a failure
     * @param what             what is skipped, for the message
     * @param programs         the programs the test runs
     */
    static void require(String requiredVariable, String what, String... programs) {
        List<String> missing = Stream.of(programs).filter(p -> onPath(p).isEmpty()).toList();
        if (missing.isEmpty()) {
            return;
        }
        String why = String.join(" and ", missing) + " not found on the PATH (" + System.getenv("PATH")
                + "); install Debian's packages as .ci/run does";
        if ("yes".equals(System.getProperty(requiredVariable, System.getenv(requiredVariable)))) {
            fail(requiredVariable + "=yes, but " + why);
        }
        System.err.println("#### SKIPPED " + what + ": " + why);
        Assumptions.abort(what + " skipped: " + why);
    }

    /** @return the program's file on the PATH, if there is one */
    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }
}
