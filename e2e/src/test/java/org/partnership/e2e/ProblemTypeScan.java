package org.partnership.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The problem types the platform's code can answer with, read from the sources of the services, http-support and
 * the gateway (src/main/java): every place that makes a problem ({@code Problem.of}, {@code new ProblemException},
 * {@code ProblemException.badRequest/conflict}, a domain's {@code *ConflictException}, the gateway's
 * {@code Problems.refuse}) names its slug as a literal, or forwards one that is read where it is made: a conflict's
 * code ({@code e.code()}: the {@code *ConflictException} literals), a missing object's kind
 * ({@code new ObjectNotFoundException("kind", ..)}: {@code kind-not-found}), the code {@code requireActive} is given,
 * or http-support's types of the HTTP layer's refusals ({@code HTTP_TYPES}). A place this scan cannot read is reported,
 * so that a new way of making problems cannot slip past the catalogue.
 */
record ProblemTypeScan(Map<String, String> types, List<String> unknownSites) {

    private static final List<String> MODULES = List.of("http-support", "gateway", "partners-service", "projects-service", "resources-service",
            "notifications-service", "audit-service");
    private static final String PREFIX = "urn:partnership:problem:";

    private static final Pattern CALL = Pattern.compile(
            "(new \\w*ConflictException|new ProblemException|Problem\\.of|Problems\\.refuse|ProblemException\\.(?:badRequest|conflict))\\(");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)*)\"");
    /** Slugs made elsewhere and passed on; each is read where it is made (patterns below). */
    private static final Set<String> FORWARDED = Set.of("slug", "code", "e.code()", "type", "e.kind().replace(' ', '-') + \"-not-found\"");
    private static final Pattern NOT_FOUND_KIND = Pattern.compile("new ObjectNotFoundException\\(\\s*\"([a-z ]+)\"");
    private static final Pattern REQUIRE_ACTIVE = Pattern.compile("requireActive\\([^;]*?\"([a-z0-9-]+)\"\\s*,\\s*[^;]*\\);");
    private static final Pattern HTTP_TYPES = Pattern.compile("HTTP_TYPES = Map\\.of\\(([^;]*)\\);");
    private static final Pattern HTTP_DEFAULT = Pattern.compile("HTTP_TYPES\\.getOrDefault\\([^,]+,\\s*\"([a-z0-9-]+)\"\\)");
    private static final Pattern URN = Pattern.compile("urn:partnership:problem:([a-z0-9-]+)");

    static ProblemTypeScan of(Path repo) {
        Map<String, String> types = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = repo.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    scan(repo.relativize(file).toString(), Files.readString(file), types, unknown);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ProblemTypeScan(types, unknown);
    }

    private static void scan(String file, String source, Map<String, String> types, List<String> unknown) {
        Matcher call = CALL.matcher(source);
        while (call.find()) {
            List<String> args = arguments(source, call.end());
            String callee = call.group(1);
            int slugAt = switch (callee) {
                case "Problem.of", "new ProblemException" -> 1;
                case "Problems.refuse" -> 2;
                default -> 0; // conflicts, badRequest, conflict
            };
            if (callee.equals("new ProblemException") && (args.isEmpty() || !args.get(0).matches("\\d{3}|status"))) {
                continue; // new ProblemException(Problem.of(...)): the inner Problem.of is a call of its own
            }
            String slug = args.size() > slugAt ? args.get(slugAt) : "";
            Matcher literal = LITERAL.matcher(slug);
            if (literal.matches()) {
                types.putIfAbsent(PREFIX + literal.group(1), file);
            } else if (!FORWARDED.contains(slug)) {
                unknown.add(file + ": " + callee + "(" + String.join(", ", args) + ")");
            }
        }
        Matcher kind = NOT_FOUND_KIND.matcher(source);
        while (kind.find()) {
            types.putIfAbsent(PREFIX + kind.group(1).replace(' ', '-') + "-not-found", file);
        }
        Matcher active = REQUIRE_ACTIVE.matcher(source);
        while (active.find()) {
            types.putIfAbsent(PREFIX + active.group(1), file);
        }
        Matcher http = HTTP_TYPES.matcher(source);
        while (http.find()) {
            Matcher literal = LITERAL.matcher(http.group(1));
            while (literal.find()) {
                types.putIfAbsent(PREFIX + literal.group(1), file);
            }
        }
        Matcher fallback = HTTP_DEFAULT.matcher(source);
        while (fallback.find()) {
            types.putIfAbsent(PREFIX + fallback.group(1), file);
        }
        Matcher urn = URN.matcher(source);
        while (urn.find()) {
            types.putIfAbsent(PREFIX + urn.group(1), file);
        }
    }

    /** The top-level arguments of the call whose argument list starts at {@code from}, as written (trimmed). */
    private static List<String> arguments(String source, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted) {
                current.append(c);
                if (c == '\\') {
                    current.append(source.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    current.append(c);
                }
                case '(', '[', '{' -> {
                    depth++;
                    current.append(c);
                }
                case ')', ']', '}' -> {
                    if (depth == 0) {
                        args.add(current.toString().replaceAll("\\s+", " ").trim());
                        return args;
                    }
                    depth--;
                    current.append(c);
                }
                case ',' -> {
                    if (depth == 0) {
                        args.add(current.toString().replaceAll("\\s+", " ").trim());
                        current.setLength(0);
                    } else {
                        current.append(c);
                    }
                }
                default -> current.append(c);
            }
        }
        return args;
    }
}
