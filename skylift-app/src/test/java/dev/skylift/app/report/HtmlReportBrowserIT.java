package dev.skylift.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium (Debian package {@code chromium-headless-shell},
 * or {@code chromium}) loads the file, runs its scripts, and the DOM it dumps is checked. Skipped
 * when neither is on the PATH.
 */
class HtmlReportBrowserIT {

    private static final List<String> BROWSERS = List.of("chromium-headless-shell", "chromium");

    @TempDir
    Path dir;

    @Test
    void thePageRunsWithoutScriptErrorsAndDrawsTheTrafficChart() throws Exception {
        ReportModel model = ReportFixtures.model(ReportFixtures.graph(names(15)), "path", "reversed", 3);
        Path page = dir.resolve("report.html");
        HtmlReport.write(model, page);

        Loaded loaded = load(page);

        assertThat(loaded.console()).as("the browser's console").doesNotContain("Uncaught").doesNotContain("Error");
        Document dom = loaded.dom();
        assertThat(dom.body().attr("data-ready")).as("the page's script ran to its end").isEqualTo("true");
        assertThat(dom.select("#traffic-chart canvas")).hasSize(1);
        assertThat(dom.select("#traffic-chart .u-legend .u-series")).hasSize(model.strategies().size() + 1);
        assertThat(dom.select("#traffic-chart .u-legend .u-series .u-label").eachText())
                .containsSubsequence("path", "reversed", "random");
        assertThat(dom.select(".switch button.on").text()).isEqualTo("path");
        assertThat(dom.select("#graph h2 .shown").text()).isEqualTo("· path");
    }

    @Test
    void choosingAnotherStrategyRecoloursTheGraphAndSwapsTheTimeline() throws Exception {
        ReportModel model = ReportFixtures.model(ReportFixtures.graph(names(15)), "path", "reversed", 3);
        Path page = dir.resolve("report.html");
        HtmlReport.write(model, page);
        // What a reader does: click the second strategy's button once the page has loaded.
        String html = Files.readString(page).replace("</body>", "<script>document.querySelector("
                + "'.switch button[data-index=\"1\"]').click();</script></body>");
        Files.writeString(page, html, StandardCharsets.UTF_8);

        Document dom = load(page).dom();

        assertThat(dom.select(".switch button.on").text()).isEqualTo("reversed");
        assertThat(dom.select("svg.gantt:not([hidden])")).extracting(e -> e.attr("data-index")).containsExactly("1");
        assertThat(dom.select("table.metrics tr.on")).extracting(e -> e.attr("data-index")).containsExactly("1");
        String[] palette = Palette.order();
        int[] order = model.strategies().get(1).plan().order();
        for (int place = 0; place < order.length; place++) {
            var circle = dom.selectFirst("#graph-svg circle[data-v=" + order[place] + "]");
            assertThat(circle.attr("fill")).isEqualTo(palette[Palette.step(place, order.length)]);
            assertThat(circle.selectFirst("title").text()).endsWith("moved " + (place + 1) + " of " + order.length);
        }
    }

    private record Loaded(Document dom, String console) {
    }

    private static Loaded load(Path page) throws IOException, InterruptedException {
        Path browser = BROWSERS.stream().map(HtmlReportBrowserIT::onPath).filter(p -> p != null).findFirst().orElse(null);
        assumeTrue(browser != null, "No headless Chromium on the PATH: install the Debian package "
                + "chromium-headless-shell (apt-get install chromium-headless-shell) to run this test");
        Path out = page.resolveSibling("dom.html");
        Path err = page.resolveSibling("console.txt");
        Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--window-size=1200,2000",
                "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the browser did not finish within 90 s");
        }
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        String console = Files.readAllLines(err).stream().filter(line -> line.contains(":CONSOLE"))
                .reduce("", (a, b) -> a + b + "\n");
        return new Loaded(Jsoup.parse(Files.readString(out)), console);
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        for (String directory : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            Path candidate = directory.isEmpty() ? null : Path.of(directory, program);
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<String> names(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(v -> "vm-" + v).toList();
    }
}
