package dev.attache.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.Loop;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.Target;

/**
 * The report's picture: closed-loop throughput and p99 against payload size, the pipeline solid and raw S3 dashed
 * in the colour of their concurrency, so the gap between the two lines of one colour is the pipeline's cost; raw
 * Kafka's p99 dotted beside them.
 */
public final class BenchmarkChart {

    static final int WIDTH = 1400;
    static final int HEIGHT = 550;

    // Colour-blind-safe (Okabe–Ito); concurrencies beyond it wrap around.
    private static final List<Color> CONCURRENCY_COLOURS = List.of(
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000));

    public void write(BenchRun run, Path png) throws IOException {
        // Runs on servers and in CI without a display; AWT must know before its first use.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<Integer> concurrencies = run.measurements().stream()
                .filter(m -> m.loop() == Loop.CLOSED)
                .map(Measurement::concurrency)
                .distinct()
                .sorted()
                .toList();
        XYChart throughput = chart("Closed-loop throughput", "MiB/s");
        XYChart p99 = chart("Closed-loop p99 latency", "p99 (ms)");
        for (int concurrency : concurrencies) {
            Color colour = CONCURRENCY_COLOURS.get(concurrencies.indexOf(concurrency) % CONCURRENCY_COLOURS.size());
            for (Target target : List.of(Target.PIPELINE, Target.RAW_S3)) {
                List<Measurement> cells = closedLoop(run, target, concurrency);
                String name = (target == Target.PIPELINE ? "pipeline" : "raw S3") + ", " + concurrency + " in flight";
                BasicStroke line = target == Target.PIPELINE ? SeriesLines.SOLID : SeriesLines.DASH_DASH;
                Marker marker = target == Target.PIPELINE ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND;
                series(throughput, name, cells, Measurement::mebibytesPerSecond, colour, line, marker);
                series(p99, name, cells, m -> m.latency().p99(), colour, line, marker);
            }
            kafkaReference(p99, run, concurrency, colour);
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(List.of(throughput, p99), 1, 2, out, BitmapFormat.PNG);
        }
    }

    private static XYChart chart(String title, String yAxis) {
        XYChart chart = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT)
                .title(title).xAxisTitle("payload (KiB)").yAxisTitle(yAxis).build();
        // Sizes span 1 KiB to MiBs and rates and latencies orders of magnitude: only log axes show them all.
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setLegendPosition(LegendPosition.InsideNW)
                .setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static List<Measurement> closedLoop(BenchRun run, Target target, int concurrency) {
        return run.measurements().stream()
                .filter(m -> m.target() == target && m.loop() == Loop.CLOSED && m.concurrency() == concurrency)
                .sorted(Comparator.comparingInt(Measurement::payloadBytes))
                .toList();
    }

    private static void series(XYChart chart, String name, List<Measurement> cells,
            ToDoubleFunction<Measurement> value, Color colour, BasicStroke line, Marker marker) {
        // A log axis cannot place zero: a cell that completed nothing is left out of the line (the tables show it).
        List<Measurement> plotted = cells.stream().filter(m -> value.applyAsDouble(m) > 0).toList();
        if (plotted.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name,
                plotted.stream().mapToDouble(m -> m.payloadBytes() / (double) Figures.KIB).toArray(),
                plotted.stream().mapToDouble(value).toArray());
        series.setLineColor(colour);
        series.setLineStyle(line);
        series.setMarkerColor(colour);
        series.setMarker(marker);
    }

    /** Raw Kafka's p99 as a flat line across the sizes: the part of the pipeline's latency that is not content. */
    private static void kafkaReference(XYChart chart, BenchRun run, int concurrency, Color colour) {
        double[] sizes = run.measurements().stream()
                .filter(m -> m.loop() == Loop.CLOSED && m.target() != Target.RAW_KAFKA)
                .mapToDouble(m -> m.payloadBytes() / (double) Figures.KIB)
                .sorted()
                .toArray();
        Optional<Measurement> kafka = closedLoop(run, Target.RAW_KAFKA, concurrency).stream().findFirst();
        if (sizes.length == 0 || kafka.isEmpty() || kafka.get().latency().p99() <= 0) {
            return;
        }
        double p99 = kafka.get().latency().p99();
        XYSeries series = chart.addSeries("raw Kafka, " + concurrency + " in flight",
                new double[] {sizes[0], sizes[sizes.length - 1]}, new double[] {p99, p99});
        series.setLineColor(colour);
        // Thinner than the measured lines: a reference, not one of the compared series. (Before the style, which
        // takes its width from it.)
        series.setLineWidth(1);
        series.setLineStyle(SeriesLines.DOT_DOT);
        series.setMarker(SeriesMarkers.NONE);
    }
}
