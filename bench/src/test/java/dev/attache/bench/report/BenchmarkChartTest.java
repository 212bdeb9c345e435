package dev.attache.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkChartTest {

    @TempDir
    Path directory;

    @Test
    void drawsBothChartsSideBySideAsOnePng() throws IOException {
        Path png = directory.resolve("benchmarks.png");

        new BenchmarkChart().write(SampleRun.full(), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(image.getHeight()).isEqualTo(550);
    }

    @Test
    void drawsARunThatMeasuredNothing() throws IOException {
        Path png = directory.resolve("empty.png");

        new BenchmarkChart().write(SampleRun.run(true, List.of(), List.of()), png);

        assertThat(ImageIO.read(png.toFile())).isNotNull();
    }
}
