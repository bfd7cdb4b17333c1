package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message bundle (one per area of the console) has its Italian file, with exactly its keys and the same
 * parameters. Qute checks the templates against the interfaces at build time, but falls back to English silently
 * for a key missing in Italian.
 */
class MessagesTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    @Test
    void shouldTranslateEveryMessageOfEveryBundleIntoItalian() throws Exception {
        List<Class<?>> bundles = bundles();
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(10);
        for (Class<?> bundle : bundles) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Properties italian = italian(name);
            TreeMap<String, String> english = new TreeMap<>();
            for (Method method : bundle.getDeclaredMethods()) {
                english.put(method.getName(), method.getAnnotation(Message.class).value());
            }
            assertThat(italian.stringPropertyNames()).as("keys of messages/%s_it.properties", name)
                    .containsExactlyInAnyOrderElementsOf(english.keySet());
            english.forEach((key, text) -> assertThat(parameters(italian.getProperty(key)))
                    .as("parameters of %s:%s in Italian", name, key).isEqualTo(parameters(text)));
        }
    }

    @Test
    void shouldGiveEveryBundleItsOwnNamespace() throws Exception {
        Set<String> names = new TreeSet<>();
        for (Class<?> bundle : bundles()) {
            assertThat(names.add(bundle.getAnnotation(MessageBundle.class).value())).as(bundle.getName()).isTrue();
        }
        assertThat(names).doesNotContain(MessageBundle.DEFAULT_NAME, MessageBundle.DEFAULTED_NAME);
    }

    @Test
    void shouldFindEveryMessageATemplateNamesInItsBundle() throws Exception {
        TreeMap<String, Set<String>> keys = new TreeMap<>();
        for (Class<?> bundle : bundles()) {
            Set<String> methods = new TreeSet<>();
            for (Method method : bundle.getDeclaredMethods()) {
                methods.add(method.getName());
            }
            keys.put(bundle.getAnnotation(MessageBundle.class).value(), methods);
        }
        Pattern reference = Pattern.compile("\\{(" + String.join("|", keys.keySet()) + "):(\\w+)");
        Path templates = Path.of(MessagesTest.class.getResource("/templates").toURI());
        List<String> unknown = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String text = Files.readString(file);
                assertThat(text).as("%s still names the old single bundle", file).doesNotContain("{msg:");
                Matcher matcher = reference.matcher(text);
                while (matcher.find()) {
                    found++;
                    if (!keys.get(matcher.group(1)).contains(matcher.group(2))) {
                        unknown.add(templates.relativize(file) + ": " + matcher.group(1) + ":" + matcher.group(2));
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(100);
        assertThat(unknown).isEmpty();
    }

    /** The interfaces of this package annotated {@code @MessageBundle}, found on the class path (no list to forget). */
    private static List<Class<?>> bundles() throws URISyntaxException, IOException, ClassNotFoundException {
        Path dir = Path.of(CommonMsg.class.getResource("CommonMsg.class").toURI()).getParent();
        List<Class<?>> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String simple = file.getFileName().toString();
                if (simple.endsWith(".class") && !simple.contains("$")) {
                    Class<?> type = Class.forName(CommonMsg.class.getPackageName() + "."
                            + simple.substring(0, simple.length() - ".class".length()));
                    if (type.isAnnotationPresent(MessageBundle.class)) {
                        bundles.add(type);
                    }
                }
            }
        }
        return bundles;
    }

    private static Properties italian(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages/" + bundle + "_it.properties")) {
            assertThat(in).as("messages/%s_it.properties", bundle).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> parameters(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
