package org.partnership.k8s;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Renders an overlay with {@code kubectl kustomize} (kustomize v5, kubectl >= 1.27), the load restrictor off because
 * the realm ConfigMap is generated from {@code keycloak/partnership-realm.json} outside {@code k8s/}.
 *
 * <p>System properties: {@code k8s.kubectl} (path of kubectl, default: the one on PATH), {@code k8s.skip-render=true}
 * (skip every test that needs a rendering, with a visible message, instead of failing when kubectl is missing).
 */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();

    private Kustomize() {
    }

    static Path repoRoot() {
        String configured = System.getProperty("k8s.repo-root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("k8s/base/kustomization.yaml"))) {
            throw new IllegalStateException("not the repository root (no k8s/base/kustomization.yaml): " + root);
        }
        return root;
    }

    /** The rendered overlay, rendered once per test JVM. */
    static Manifests overlay(String name) {
        if (Boolean.getBoolean("k8s.skip-render")) {
            String message = "k8s.skip-render=true: NOT rendering k8s/overlays/" + name
                    + " with kubectl; the Kubernetes manifests are NOT validated in this build";
            if (!WARNED.getAndSet(true)) {
                System.err.println("WARNING: " + message.replace("k8s/overlays/" + name, "k8s/overlays/*"));
            }
            Assumptions.abort(message);
        }
        return RENDERED.computeIfAbsent(name, Kustomize::render);
    }

    private static Manifests render(String overlay) {
        Path root = repoRoot();
        String kubectl = kubectl().orElseThrow(() -> new AssertionError(
                "kubectl not found on PATH (nor -Dk8s.kubectl=/path/to/kubectl). The Kubernetes manifests are checked "
                        + "by rendering them with `kubectl kustomize` (kubectl >= 1.27, kustomize v5). Install kubectl "
                        + "(see k8s/README.md, \"Offline validation\") or, to build without this check, run with "
                        + "-Dk8s.skip-render=true."));
        List<String> command = List.of(kubectl, "kustomize", "--load-restrictor", "LoadRestrictionsNone",
                "k8s/overlays/" + overlay);
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = read(process.getInputStream());
            CompletableFuture<String> stderr = read(process.getErrorStream());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                String err = stderr.join();
                String hint = err.contains("unknown flag") || err.contains("load-restrictor")
                        ? "\nThis kubectl is too old (e.g. Debian bookworm's kubernetes-client 1.20, kustomize v2): "
                                + "kubectl >= 1.27 is needed (k8s/README.md, \"Offline validation\")."
                        : "";
                throw new AssertionError("k8s/overlays/" + overlay + " does not render (exit " + process.exitValue()
                        + "): " + String.join(" ", command) + "\n" + err + hint);
            }
            return Manifests.parse(overlay, stdout.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Optional<String> kubectl() {
        String configured = System.getProperty("k8s.kubectl");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
