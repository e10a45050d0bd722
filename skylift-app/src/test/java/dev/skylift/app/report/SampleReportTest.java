package dev.skylift.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of the real sample estate: every VM drawn, every strategy listed, small enough to mail. */
class SampleReportTest {

    @TempDir
    Path dir;

    @Test
    void theSampleEstatesReportDrawsEveryVmAndStaysUnderOneAndAHalfMegabytes() throws IOException {
        ReportModel model = SampleReport.build();
        Path file = dir.resolve("sample.html");

        HtmlReport.write(model, file);

        String html = Files.readString(file);
        var doc = Jsoup.parse(html);
        int n = model.graph().vertexCount();
        assertThat(n).isGreaterThan(50);
        assertThat(doc.select("#graph-svg circle")).hasSize(n);
        assertThat(doc.select("#graph-svg .edges line")).hasSize(model.graph().edgeCount());
        for (int i = 0; i < model.strategies().size(); i++) {
            assertThat(doc.select("svg.gantt[data-index=" + i + "] g.bars > g")).hasSize(n);
        }
        assertThat(doc.select("table.metrics tbody tr")).extracting(tr -> tr.selectFirst("th").ownText())
                .containsExactly("inventory", "random", "rcm");
        assertThat(Files.size(file)).isLessThan(1_500_000);
    }
}
