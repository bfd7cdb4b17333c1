import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * bench/run-all's report: reads the raw results of one run (a directory), writes
 * {@code <reports>/<date>-<cores>core.md} and its PNG charts, and compares its figures with the newest earlier report
 * in {@code <reports>} (a regression over 10 % is flagged). Run by bench/run-all as a single-file program:
 * {@code java -cp jfreechart.jar bench/BenchReport.java <run dir> <reports dir> <cores> <load average>}.
 *
 * <p>The figures a later run compares with are kept in the report itself, in a comment block
 * ({@code <!-- metrics ... -->}), one {@code name value better} a line ({@code better} is {@code lower} or {@code higher}).
 */
public class BenchReport {

    record Metric(String name, double value, boolean lowerIsBetter) {
    }

    private final Path run;
    private final Path reports;
    private final String stem;
    private final StringBuilder md = new StringBuilder();
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    BenchReport(Path run, Path reports, String stem) {
        this.run = run;
        this.reports = reports;
        this.stem = stem;
    }

    public static void main(String[] args) throws IOException {
        Path run = Path.of(args[0]);
        Path reports = Path.of(args[1]);
        String cores = args[2];
        String load = args.length > 3 ? args[3] : "?";
        Files.createDirectories(reports);
        String day = LocalDate.now(ZoneOffset.UTC) + "-" + cores + "core";
        String stem = day;
        // a second run on the same day gets -2, -3, ...: it never overwrites a committed report
        for (int n = 2; Files.exists(reports.resolve(stem + ".md")); n++) {
            stem = day + "-" + n;
        }
        Optional<Path> previous = previousReport(reports, stem);
        BenchReport report = new BenchReport(run, reports, stem);
        report.write(cores, load, previous);
    }

    /** The newest report in the directory other than the one being written (by date, then the day's run number). */
    static Optional<Path> previousReport(Path reports, String stem) throws IOException {
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equals(stem + ".md"))
                    .max(Comparator.comparing(p -> order(p.getFileName().toString())));
        }
    }

    /** {@code 2026-12-04-2core.md} is the day's run 1, {@code 2026-12-04-2core-2.md} its run 2: a sortable key. */
    static String order(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-\\d+core(?:-(\\d+))?\\.md").matcher(name);
        return m.matches() ? m.group(1) + String.format("-%04d", m.group(2) == null ? 1 : Integer.parseInt(m.group(2))) : name;
    }

    void write(String cores, String load, Optional<Path> previous) throws IOException {
        md.append("# Benchmarks ").append(LocalDate.now(ZoneOffset.UTC)).append(", ").append(cores).append(" cores\n\n")
                .append("Made by `bench/run-all` (raw results: `").append(run.getFileName()).append("`). Load average at the end of the run: ")
                .append(load).append(" (1, 5, 15 min, runnable/total, last pid). On a shared machine every absolute figure below ")
                .append("moves with the load: read the ratios, and the load average recorded with each figure.\n\n");
        startup();
        startupCpu();
        levers();
        gateway();
        verbatim("Where the gateway's CPU goes under that load (JFR, its event-loop threads)", "gateway-profile.txt",
                "A JFR recording over a further wrk run through the gateway after the measured rounds (`bench/JfrTop.java`). "
                + "Java samples only: time in the kernel (socket reads and writes) shows as the JDK NIO frames that call it.");
        text("outbox", "Outbox: commit -> topic -> consumer effect (10,000 events)", "outbox.txt");
        outboxHistogram();
        text("commitments", "One partner's commitments among 1,000,000 contributions", "commitments.txt");
        text("search", "Partner search among 100,000 partners", "partner-search.txt");
        compare(previous);
        md.append("\n<!-- metrics\n");
        metrics.values().forEach(m -> md.append(String.format(Locale.ROOT, "%s %.3f %s%n", m.name, m.value, m.lowerIsBetter ? "lower" : "higher")));
        md.append("-->\n");
        Path out = reports.resolve(stem + ".md");
        Files.writeString(out, md);
        System.out.println("report: " + out);
    }

    private void metric(String name, double value, boolean lowerIsBetter) {
        metrics.put(name, new Metric(name, value, lowerIsBetter));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    // --- startup time and RSS, each service started alone ---
    private void startup() throws IOException {
        Path tsv = run.resolve("startup.tsv");
        if (!Files.exists(tsv) && !Files.exists(run.resolve("rss-after-load.tsv"))) {
            return;
        }
        Map<String, List<double[]>> runs = new LinkedHashMap<>();   // service -> [ready ms, rss KiB, load1]
        List<String> rows = Files.exists(tsv) ? Files.readAllLines(tsv) : List.of("header");
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split("\t");
            runs.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        md.append("## Startup and RSS, each service started alone\n\n")
                .append("Time from the `java` launch to the first 200 of `/q/health/ready`; VmRSS from `/proc/<pid>/status` after idling; ")
                .append("targets (#25): ready ≤ 2 s, ≤ 200 MiB idle.\n\n")
                .append("| service | runs | ready s (min / median / max) | RSS idle MiB (min / median / max) | load avg (1 min) at the runs | targets |\n|---|---|---|---|---|---|\n");
        DefaultCategoryDataset ready = new DefaultCategoryDataset();
        DefaultCategoryDataset rss = new DefaultCategoryDataset();
        for (var e : runs.entrySet()) {
            List<Double> ms = e.getValue().stream().map(r -> r[0]).sorted().toList();
            List<Double> mib = e.getValue().stream().map(r -> r[1] / 1024).sorted().toList();
            List<Double> loads = e.getValue().stream().map(r -> r[2]).sorted().toList();
            double readyMedian = median(ms) / 1000, rssMedian = median(mib);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f / %.2f / %.2f | %.0f / %.0f / %.0f | %.1f-%.1f | %s, %s |%n", e.getKey(), ms.size(),
                    ms.get(0) / 1000, readyMedian, ms.get(ms.size() - 1) / 1000, mib.get(0), rssMedian, mib.get(mib.size() - 1),
                    loads.get(0), loads.get(loads.size() - 1), readyMedian <= 2 ? "ready met" : "ready NOT met", rssMedian <= 200 ? "RSS met" : "RSS NOT met"));
            ready.addValue(ms.get(0) / 1000, "min", e.getKey());
            ready.addValue(readyMedian, "median", e.getKey());
            ready.addValue(ms.get(ms.size() - 1) / 1000, "max", e.getKey());
            rss.addValue(rssMedian, "median RSS idle", e.getKey());
            metric("startup." + e.getKey() + ".ready_ms_median", median(ms), true);
            metric("startup." + e.getKey() + ".rss_idle_mib_median", rssMedian, true);
        }
        Path after = run.resolve("rss-after-load.tsv");
        if (Files.exists(after)) {
            md.append("\nRSS after the gateway benchmark's load (target ≤ 300 MiB): ");
            List<String> lines = Files.readAllLines(after);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                double mib = Double.parseDouble(f[1]) / 1024;
                md.append(String.format(Locale.ROOT, "%s %.0f MiB (%s); ", f[0], mib, mib <= 300 ? "met" : "NOT met"));
                metric("rss_after_load." + f[0] + "_mib", mib, true);
                rss.addValue(mib, "RSS after load", f[0]);
            }
            md.append("\n");
        }
        md.append("\n").append(chart("startup", ChartFactory.createBarChart("Time to ready (s), started alone", "", "seconds", ready,
                PlotOrientation.HORIZONTAL, true, false, false)));
        md.append(chart("rss", ChartFactory.createBarChart("RSS (MiB)", "", "MiB", rss, PlotOrientation.HORIZONTAL, true, false, false)));
    }

    // --- startup levers: one service, variants started in turn (bench/run-all levers) ---
    private void levers() throws IOException {
        Path tsv = run.resolve("levers.tsv");
        if (!Files.exists(tsv)) {
            return;
        }
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(tsv);
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split("\t");
            runs.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        md.append("\n## Startup levers (one service, variants alternating)\n\n")
                .append("| variant | runs | ready s (min / median / max) | RSS idle MiB (min / median / max) | load avg (1 min) |\n|---|---|---|---|---|\n");
        DefaultCategoryDataset ready = new DefaultCategoryDataset();
        for (var e : runs.entrySet()) {
            List<Double> ms = e.getValue().stream().map(r -> r[0]).sorted().toList();
            List<Double> mib = e.getValue().stream().map(r -> r[1] / 1024).sorted().toList();
            List<Double> loads = e.getValue().stream().map(r -> r[2]).sorted().toList();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f / %.2f / %.2f | %.0f / %.0f / %.0f | %.1f-%.1f |%n", e.getKey(), ms.size(),
                    ms.get(0) / 1000, median(ms) / 1000, ms.get(ms.size() - 1) / 1000, mib.get(0), median(mib), mib.get(mib.size() - 1),
                    loads.get(0), loads.get(loads.size() - 1)));
            ready.addValue(median(ms) / 1000, "median ready s", e.getKey());
            ready.addValue(median(mib) / 100, "median RSS (100 MiB)", e.getKey());
        }
        md.append("\n").append(chart("levers", ChartFactory.createBarChart("Levers: median time to ready (s) and RSS (100 MiB)", "", "",
                ready, PlotOrientation.HORIZONTAL, true, false, false)));
    }

    // --- gateway vs direct vs nginx, per round ---
    private static final Pattern ROUND = Pattern.compile("^(\\d+)\\s+(direct|gateway|reference)\\s+(\\d+)\\s+([\\d.]+)\\s*$");
    private static final Pattern SUMMARY = Pattern.compile("^(gateway|reference)\\s+\\d+ req/s, ratio to direct ([\\d.]+) %.*p99 median ([\\d.]+) ms.*CPU ([\\d.]+) us/request");

    private void gateway() throws IOException {
        Path file = run.resolve("gateway.txt");
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file);
        Map<String, XYSeries> rps = new TreeMap<>();
        Map<String, XYSeries> p99 = new TreeMap<>();
        Map<String, double[]> summary = new TreeMap<>();
        for (String line : lines) {
            Matcher m = ROUND.matcher(line);
            if (m.matches()) {
                String target = m.group(2).equals("reference") ? "nginx" : m.group(2);
                rps.computeIfAbsent(target, XYSeries::new).add(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(3)));
                p99.computeIfAbsent(target, XYSeries::new).add(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(4)));
            }
            Matcher s = SUMMARY.matcher(line.trim());
            if (s.find()) {
                String target = s.group(1).equals("reference") ? "nginx" : "gateway";
                summary.put(target, new double[] {Double.parseDouble(s.group(2)), Double.parseDouble(s.group(3)), Double.parseDouble(s.group(4))});
                metric("proxy." + target + ".ratio_to_direct_pct", Double.parseDouble(s.group(2)), false);
                metric("proxy." + target + ".cpu_us_per_request", Double.parseDouble(s.group(4)), true);
            }
        }
        md.append("\n## The gateway against direct and nginx\n\n`bench/gateway-vs-direct.sh` with `REFERENCE` = nginx (`bench/nginx-proxy.sh`), ")
                .append("the same authenticated GET, alternating rounds; the gateway's token check and rate limit on (the limit set out of a benchmark's reach).\n\n```\n");
        lines.forEach(l -> md.append(l).append('\n'));
        md.append("```\n\n");
        if (summary.containsKey("gateway") && summary.containsKey("nginx")) {
            double[] g = summary.get("gateway"), n = summary.get("nginx");
            md.append(String.format(Locale.ROOT, "Targets (#25): throughput ≥ nginx's: %s (%.1f %% against %.1f %% of direct); CPU per request ≤ nginx's: %s "
                    + "(%.1f against %.1f µs); p99 no worse than nginx's: %s (median p99 %.2f against %.2f ms).%n%n",
                    g[0] >= n[0] ? "met" : "NOT met", g[0], n[0], g[2] <= n[2] ? "met" : "NOT met", g[2], n[2], g[1] <= n[1] ? "met" : "NOT met", g[1], n[1]));
        }
        XYSeriesCollection throughput = new XYSeriesCollection();
        rps.values().forEach(throughput::addSeries);
        md.append(chart("gateway-throughput", ChartFactory.createXYLineChart("Requests/s per round", "round", "requests/s", throughput)));
        XYSeriesCollection latency = new XYSeriesCollection();
        p99.values().forEach(latency::addSeries);
        md.append(chart("gateway-p99", ChartFactory.createXYLineChart("p99 per round (ms)", "round", "ms", latency)));
    }

    // --- where each service's start spends its CPU (run-all's startup-cpu.tsv), medians over the runs ---
    private void startupCpu() throws IOException {
        Path tsv = run.resolve("startup-cpu.tsv");
        if (!Files.exists(tsv)) {
            return;
        }
        Map<String, List<double[]>> rows = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv).subList(1, Files.readAllLines(tsv).size())) {
            String[] f = line.split("\t");
            rows.computeIfAbsent(f[0], k -> new java.util.ArrayList<>()).add(new double[] {
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])});
        }
        md.append("\n## Where the start's CPU goes\n\nCPU time (user + system) of the process from launch to ready, and of its live ")
                .append("threads by kind (the JIT compilers, the main thread, GC; threads that ended before ready, e.g. Hibernate's boot ")
                .append("threads, count only in the total). Medians over the runs. Ready in 2 s on 2 cores needs at most 4 s of CPU, with every core busy.\n\n")
                .append("| service | CPU to ready s | JIT compilers s | main thread s | GC s | other live threads s | ready no sooner than (CPU / cores) s |\n|---|---|---|---|---|---|---|\n");
        rows.forEach((service, runs) -> {
            double[] med = new double[5];
            for (int i = 0; i < 5; i++) {
                final int k = i;
                double[] v = runs.stream().mapToDouble(r -> r[k]).sorted().toArray();
                med[i] = v[v.length / 2] / 1000;
            }
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f (%.0f %%) | %.2f | %.2f | %.2f | %.2f |%n",
                    service, med[0], med[1], 100 * med[1] / Math.max(med[0], 0.001), med[2], med[3], med[4],
                    med[0] / Runtime.getRuntime().availableProcessors()));
        });
    }

    private void verbatim(String title, String fileName, String intro) throws IOException {
        Path file = run.resolve(fileName);
        if (!Files.exists(file)) {
            return;
        }
        md.append("\n## ").append(title).append("\n\n").append(intro).append("\n\n```\n");
        Files.readAllLines(file).forEach(l -> md.append(l).append('\n'));
        md.append("```\n");
    }

    // --- the in-process benchmarks' own text, and their headline figures ---
    private static final Pattern P50_P99 = Pattern.compile("p50 ([\\d.]+)[^\\n]*?p99 ([\\d.]+)");

    private void text(String key, String title, String fileName) throws IOException {
        Path file = run.resolve(fileName);
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file);
        md.append("\n## ").append(title).append("\n\n```\n").append(text.strip()).append("\n```\n");
        if (key.equals("outbox")) {
            Matcher m = Pattern.compile("consumer effect \\(ms\\): p50 (\\d+), p90 \\d+, p99 (\\d+)").matcher(text);
            if (m.find()) {
                metric("outbox.effect_p50_ms", Double.parseDouble(m.group(1)), true);
                metric("outbox.effect_p99_ms", Double.parseDouble(m.group(2)), true);
            }
            Matcher t = Pattern.compile("= (\\d+) events/s").matcher(text);
            if (t.find()) {
                metric("outbox.events_per_s", Double.parseDouble(t.group(1)), false);
            }
            return;
        }
        Matcher m = P50_P99.matcher(text);
        if (m.find()) {   // the first figures: the commitments page, or the search's first filter
            metric(key + ".p50_ms", Double.parseDouble(m.group(1)), true);
            metric(key + ".p99_ms", Double.parseDouble(m.group(2)), true);
        }
    }

    private void outboxHistogram() throws IOException {
        Path file = run.resolve("outbox-latencies.txt");
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        double[] topic = lines.stream().mapToDouble(l -> Double.parseDouble(l.split(" ")[0])).toArray();
        double[] effect = lines.stream().mapToDouble(l -> Double.parseDouble(l.split(" ")[1])).toArray();
        HistogramDataset histogram = new HistogramDataset();
        histogram.addSeries("commit -> on topic", topic, 50);
        histogram.addSeries("commit -> consumer effect", effect, 50);
        md.append("\n").append(chart("outbox-histogram", ChartFactory.createHistogram("Outbox latency, " + lines.size() + " events",
                "ms", "events", histogram)));
    }

    // --- the previous report's figures ---
    private void compare(Optional<Path> previous) throws IOException {
        md.append("\n## Against the previous report\n\n");
        if (previous.isEmpty()) {
            md.append("No earlier report in `bench/reports/`: nothing to compare with.\n");
            return;
        }
        Map<String, Double> before = new LinkedHashMap<>();
        boolean in = false;
        for (String line : Files.readAllLines(previous.get())) {
            if (line.startsWith("<!-- metrics")) {
                in = true;
            } else if (line.startsWith("-->")) {
                in = false;
            } else if (in) {
                String[] f = line.trim().split(" ");
                before.put(f[0], Double.parseDouble(f[1]));
            }
        }
        md.append("Compared with `").append(previous.get().getFileName()).append("` (a change for the worse over 10 % is flagged **REGRESSION**; ")
                .append("on different machines or loads, only the ratios mean much).\n\n| figure | before | now | change |  |\n|---|---|---|---|---|\n");
        int regressions = 0;
        for (Metric m : metrics.values()) {
            Double b = before.get(m.name);
            if (b == null || b == 0) {
                continue;
            }
            double change = 100 * (m.value - b) / b;
            boolean worse = m.lowerIsBetter ? change > 10 : change < -10;
            regressions += worse ? 1 : 0;
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f %% | %s |%n", m.name, b, m.value, change, worse ? "**REGRESSION**" : ""));
        }
        md.append("\n").append(regressions == 0 ? "No regression over 10 %." : regressions + " regression(s) over 10 %.").append("\n");
    }

    private String chart(String name, JFreeChart chart) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        String file = stem + "-" + name + ".png";
        ChartUtils.saveChartAsPNG(reports.resolve(file).toFile(), chart, 800, 400);
        return "![" + name + "](" + file + ")\n";
    }
}
