package org.partnership.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules every REST resource class of a service keeps, checked over the classes the module compiled
 * ({@code target/classes}).
 */
public final class RestResources {

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String CANCELLABLE = "org.jboss.resteasy.reactive.server.Cancellable";

    private RestResources() {
    }

    /**
     * Each resource class is {@code @Cancellable(false)}: Quarkus REST would otherwise cancel a request's work when
     * its caller hangs up, and Hibernate Reactive can leave a cancelled transaction half-done
     * (quarkusio/quarkus#51576). With it, a write whose caller is gone runs to its end, and the caller's retry with
     * its Idempotency-Key gets the answer.
     */
    public static void assertWritesRunToTheirEnd(String basePackage) {
        List<Class<?>> resources = resourceClasses(basePackage);
        assertThat(resources).as("REST resource classes under " + basePackage).isNotEmpty();
        assertThat(resources).allSatisfy(resource -> assertThat(Arrays.stream(resource.getAnnotations())
                        .filter(a -> a.annotationType().getName().equals(CANCELLABLE)).map(RestResources::value))
                .as("%s: @Cancellable(false)", resource.getName()).containsExactly(false));
    }

    private static List<Class<?>> resourceClasses(String basePackage) {
        Path root = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(root.resolve(basePackage.replace('.', '/')))) {
            return files.map(root::relativize).map(Path::toString).filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .<Class<?>>map(f -> load(f.substring(0, f.length() - ".class".length()).replace('/', '.')))
                    .filter(c -> !c.isInterface() && Arrays.stream(c.getAnnotations())
                            .anyMatch(a -> a.annotationType().getName().equals(PATH)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RestResources.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static boolean value(Annotation annotation) {
        try {
            Method value = annotation.annotationType().getMethod("value");
            return (boolean) value.invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
