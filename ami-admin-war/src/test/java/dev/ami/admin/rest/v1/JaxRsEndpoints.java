package dev.ami.admin.rest.v1;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The WAR's JAX-RS resource methods, found by loading every class of a package from the classes
 * folder the build made: a resource added later is found without being listed anywhere.
 */
final class JaxRsEndpoints {

    /**
     * @param method the HTTP method
     * @param path   the path template under the context root ({@code /api/v1/accounts/{name}}), each
     *               parameter without its regex, as OpenAPI writes it
     * @param source the Java method, for messages
     */
    record Endpoint(String method, String path, String source) {
    }

    private JaxRsEndpoints() {
    }

    /** @return the folder holding the WAR's classes (target/classes), where the build also puts the document */
    static Path classesFolder() {
        try {
            return Path.of(OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param packageName a package, its subpackages included
     * @return its classes, loaded without being initialized
     */
    static List<Class<?>> classes(String packageName) {
        Path root = classesFolder();
        try (Stream<Path> files = Files.walk(root.resolve(packageName.replace('.', '/')))) {
            List<Class<?>> classes = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                classes.add(Class.forName(relative.substring(0, relative.length() - ".class".length()), false,
                        JaxRsEndpoints.class.getClassLoader()));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param classes the classes to look at
     * @return the path of the one {@link ApplicationPath} among them ({@code /api})
     */
    static String applicationPath(List<Class<?>> classes) {
        List<String> paths = classes.stream().filter(c -> c.isAnnotationPresent(ApplicationPath.class))
                .map(c -> normalize(c.getAnnotation(ApplicationPath.class).value())).toList();
        if (paths.size() != 1) {
            throw new IllegalStateException("expected one @ApplicationPath, found " + paths);
        }
        return paths.get(0);
    }

    /**
     * @param classes the classes to look at
     * @return every resource method of the root resource classes among them
     * @throws IllegalStateException for a sub-resource locator, which this does not follow
     */
    static List<Endpoint> find(List<Class<?>> classes) {
        String application = applicationPath(classes);
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : classes) {
            jakarta.ws.rs.Path root = resource.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null || resource.isInterface()) {
                continue;
            }
            for (Method m : resource.getMethods()) {
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                List<String> methods = Arrays.stream(m.getAnnotations()).map(Annotation::annotationType)
                        .filter(t -> t.isAnnotationPresent(HttpMethod.class))
                        .map(t -> t.getAnnotation(HttpMethod.class).value()).toList();
                if (methods.isEmpty() && sub != null) {
                    throw new IllegalStateException(m + " is a sub-resource locator; teach JaxRsEndpoints to follow it");
                }
                String path = normalize(application + "/" + root.value() + (sub == null ? "" : "/" + sub.value()));
                methods.forEach(method -> endpoints.add(new Endpoint(method, path, resource.getSimpleName() + "."
                        + m.getName())));
            }
        }
        return endpoints;
    }

    /** {@code /} first, none last or doubled, each {@code {name: regex}} as {@code {name}}. */
    static String normalize(String template) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inRegex = false;
        for (char c : template.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    inRegex = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inRegex = true;
            }
            if (!inRegex && !(depth >= 1 && Character.isWhitespace(c))) {
                out.append(c);
            }
        }
        return Arrays.stream(out.toString().split("/")).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("/", "/", ""));
    }
}
