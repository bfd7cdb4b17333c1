import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a JFR recording's CPU samples say, in plain text for the benchmark report (issue #25): the share of samples per
 * kind of work (by the innermost frame's package), the hottest methods (self) and the project's own frames
 * (inclusive). Run as a single-file program: {@code java bench/JfrTop.java <recording.jfr> [thread name prefix]}.
 */
public class JfrTop {

    private static final String[][] KINDS = {
            {"token verification (JWT parsing, signature)", "org.jose4j", "io.smallrye.jwt", "sun.security", "java.security", "javax.crypto", "com.sun.crypto"},
            {"JSON", "com.fasterxml.jackson", "io.vertx.core.json"},
            {"socket reads/writes (JDK NIO)", "sun.nio", "java.nio", "io.netty.channel.epoll", "io.netty.channel.nio"},
            {"HTTP codec and pipeline (Netty)", "io.netty"},
            {"Vert.x HTTP server/client and routing", "io.vertx"},
            {"Quarkus HTTP layer", "io.quarkus.vertx", "io.quarkus.runtime", "io.quarkus.arc"},
            {"metrics (Micrometer)", "io.micrometer", "io.quarkus.micrometer"},
            {"tracing (OpenTelemetry)", "io.opentelemetry", "io.quarkus.opentelemetry"},
            {"the gateway's own code", "org.partnership"},
            {"caches (Caffeine)", "com.github.benmanes"},
            {"JDK (strings, collections, ...)", "java.", "jdk.", "sun."},
    };

    public static void main(String[] args) throws Exception {
        String thread = args.length > 1 ? args[1] : "";
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        Map<String, Integer> kinds = new HashMap<>();
        int n = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            if (!thread.isEmpty() && (e.getThread("sampledThread") == null
                    || !String.valueOf(e.getThread("sampledThread").getJavaName()).startsWith(thread))) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            n++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            kinds.merge(kind(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String m = name(f);
                if (m.startsWith("org.partnership") && seen.add(m)) {
                    own.merge(m, 1, Integer::sum);
                }
            }
        }
        System.out.printf("CPU samples: %d%n%nby kind of work (innermost frame that is not the JDK's, else the JDK):%n", n);
        print(kinds, n, 20);
        System.out.printf("%nhottest methods (self):%n");
        print(self, n, 20);
        System.out.printf("%nthe project's own frames (inclusive):%n");
        print(own, n, 15);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** The kind of the innermost non-JDK frame; the token check wins wherever it is on the stack. */
    private static String kind(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String c = f.getMethod().getType().getName();
            for (String p : KINDS[0]) {
                if (c.startsWith(p) && !p.equals(KINDS[0][0])) {
                    return KINDS[0][0];
                }
            }
        }
        for (RecordedFrame f : frames) {
            String c = f.getMethod().getType().getName();
            for (int k = 1; k < KINDS.length - 1; k++) {
                for (int i = 1; i < KINDS[k].length; i++) {
                    if (c.startsWith(KINDS[k][i])) {
                        return KINDS[k][0];
                    }
                }
            }
        }
        return KINDS[KINDS.length - 1][0];
    }

    private static void print(Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
                .forEach(x -> System.out.printf("  %5.1f %%  %6d  %s%n", 100.0 * x.getValue() / Math.max(total, 1), x.getValue(), x.getKey()));
    }
}
