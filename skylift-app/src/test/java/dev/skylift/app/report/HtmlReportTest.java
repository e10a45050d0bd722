package dev.skylift.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skylift.graph.CommGraph;
import dev.skylift.plan.PlanMetrics;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HtmlReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void writesOneWellFormedPageWhoseEmbeddedDataMatchesTheModel() throws Exception {
        ReportModel model = ReportFixtures.model(ReportFixtures.graph(names(12)), "path", "reversed", 3);

        String html = write(model);

        assertThat(count(html, "<script")).isEqualTo(3).isEqualTo(count(html, "</script>"));
        assertThat(count(html, "<style")).isEqualTo(1).isEqualTo(count(html, "</style>"));
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).hasSize(3);
        assertThat(doc.select("script").get(1).data()).contains("uPlot");
        assertThat(doc.select("script").get(2).data()).contains("skylift-data").endsWith("})();\n");
        assertThat(doc.selectFirst("footer")).isNotNull();
        var svgs = Pattern.compile("<svg[\\s\\S]*?</svg>").matcher(html).results().map(m -> m.group()).toList();
        assertThat(svgs).hasSizeGreaterThan(5);
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        for (String svg : svgs) {
            xml.parse(new InputSource(new StringReader(svg))); // throws when an SVG is not well-formed XML
        }
        JsonNode data = data(doc);
        assertThat(data.get("vms").asInt()).isEqualTo(12);
        assertThat(data.get("best").asInt()).isZero();
        for (int i = 0; i < model.strategies().size(); i++) {
            ReportModel.Strategy strategy = model.strategies().get(i);
            JsonNode node = data.get("strategies").get(i);
            PlanMetrics metrics = strategy.metrics();
            assertThat(node.get("name").asString()).isEqualTo(strategy.name());
            assertThat(node.get("randomized").asBoolean()).isEqualTo(strategy.randomized());
            assertThat(node.at("/metrics/maxStretch").asDouble()).isEqualTo(metrics.maxStretch());
            assertThat(node.at("/metrics/exposureBytes").asDouble()).isEqualTo(metrics.exposureBytes());
            assertThat(node.at("/metrics/peakRate").asDouble()).isEqualTo(metrics.peakRate());
            assertThat(node.at("/metrics/makespan").asDouble()).isEqualTo(metrics.makespan());
            assertThat(node.at("/maxStretch/median").asDouble()).isEqualTo(strategy.maxStretch().median());
            assertThat(node.at("/exposure/max").asDouble()).isEqualTo(strategy.exposure().max());
            assertThat(node.at("/curve/envelope").asBoolean()).isFalse();
            List<PlanMetrics.RatePoint> curve = metrics.crossWanCurve();
            assertThat(node.at("/curve/t").size()).isEqualTo(curve.size());
            for (int p = 0; p < curve.size(); p++) {
                assertThat(node.at("/curve/t").get(p).asDouble()).isCloseTo(curve.get(p).time(), within(1e-3));
                assertThat(node.at("/curve/r").get(p).asDouble()).isCloseTo(curve.get(p).rate(), within(1e-3));
            }
            int[] order = strategy.plan().order();
            for (int place = 0; place < order.length; place++) {
                assertThat(node.get("ranks").get(order[place]).asInt()).isEqualTo(place);
            }
        }
        assertThat(data.at("/strategies/2/maxStretch/q1").isNumber()).isTrue();
        assertThat(data.at("/strategies/2/competitiveRatios/0/ratio/median").asDouble()).isEqualTo(2.25);
    }

    @Test
    void showsEveryStrategyInTheSwitchTheTableTheCurvesAndTheTimelines() throws IOException {
        ReportModel model = ReportFixtures.model(ReportFixtures.graph(names(9)), "path", "reversed", 2);

        Document doc = Jsoup.parse(write(model));

        List<String> names = List.of("path", "reversed", "random");
        assertThat(doc.select(".switch button")).extracting(Element::text).containsExactlyElementsOf(names);
        assertThat(doc.select("table.metrics tbody tr")).extracting(tr -> tr.selectFirst("th").ownText())
                .containsExactlyElementsOf(names);
        assertThat(doc.select("table.metrics tr.best th").text()).startsWith("path");
        assertThat(data(doc).get("strategies").valueStream().map(s -> s.get("name").asString()).toList())
                .containsExactlyElementsOf(names);
        assertThat(doc.select("svg.gantt")).hasSize(3);
        assertThat(doc.select("svg.gantt[hidden]")).extracting(e -> e.attr("data-index")).containsExactly("1", "2");
        for (int i = 0; i < names.size(); i++) {
            List<String> expected = model.strategies().get(i).plan().steps().stream().map(s -> s.vm()).toList();
            assertThat(doc.select("svg.gantt[data-index=" + i + "] g.bars > g > title"))
                    .extracting(t -> t.text().substring(0, t.text().indexOf(':'))).containsExactlyElementsOf(expected);
        }
        assertThat(doc.select("table.metrics thead th").eachText()).contains("competitive ratio");
        assertThat(doc.select(".verdict").text()).isEqualTo("path wins.");
        assertThat(doc.select("#settings dd").eachText()).contains("1 Gbps (125 MB/s)", "40 ms", "2", "6");
    }

    @Test
    void refersToNothingOutsideTheFile() throws IOException {
        Document doc = Jsoup.parse(write(ReportFixtures.model(ReportFixtures.graph(names(10)), "a", "b", 2)));

        assertThat(doc.select("link, img, iframe, object, embed, audio, video, source, base")).isEmpty();
        for (Element element : doc.getAllElements()) {
            for (String attribute : List.of("src", "href", "xlink:href", "action", "srcset", "poster", "data")) {
                if (element.hasAttr(attribute)) {
                    assertThat(element.attr(attribute)).as("%s of <%s>", attribute, element.tagName()).startsWith("#");
                }
            }
            assertThat(element.attr("style")).doesNotContain("url(");
        }
        String css = doc.select("style").html();
        assertThat(css).doesNotContain("@import");
        assertThat(Pattern.compile("url\\(\\s*['\"]?(?!#)").matcher(css).find()).as("a url() that is not #fragment").isFalse();
        for (Element script : doc.select("script")) {
            assertThat(script.hasAttr("src")).isFalse();
        }
    }

    @Test
    void hostileVmAndStrategyNamesAreShownAsTextAndCannotBreakThePage() throws IOException {
        List<String> hostile = List.of("</script><b id=\"pwn\">x</b>", "<img src=x onerror=alert(1)>",
                "a\"b'c&d<!--", "line\u2028sep", "plain");
        CommGraph graph = ReportFixtures.graph(hostile);
        String strategyName = "</style><i id=\"pwn2\">s</i>";

        String html = write(ReportFixtures.model(graph, strategyName, "b", 2));

        Document doc = Jsoup.parse(html);
        assertThat(doc.select("#pwn, #pwn2, img, i, [onerror]")).isEmpty();
        assertThat(doc.select("script")).hasSize(3);
        assertThat(doc.select("style")).hasSize(1);
        assertThat(html).doesNotContain("</script><b").doesNotContain("<img src=x").doesNotContain("</style><i");
        List<String> titles = doc.select("#graph-svg circle > title").eachText();
        for (int v : new int[] {0, 1, 2, 4}) {
            assertThat(titles.get(v)).startsWith(hostile.get(v) + ": moved");
        }
        assertThat(doc.select("#graph-svg .labels text").eachText()).contains(hostile.get(0), hostile.get(1), hostile.get(2));
        JsonNode data = data(doc);
        assertThat(data.at("/strategies/0/name").asString()).isEqualTo(strategyName);
        assertThat(doc.select(".switch button").first().text()).isEqualTo(strategyName);
        String json = doc.getElementById("skylift-data").data();
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
    }

    @Test
    void aTenThousandVmComparisonIsWrittenUnderOneAndAHalfMegabytesWithTheDrawingsLeftOut() throws IOException {
        CommGraph graph = ReportFixtures.randomGraph(10_000, 200_000, 3);
        ReportModel model = ReportFixtures.model(graph, "path", "reversed", 8);

        String html = write(model);

        assertThat(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(1_500_000);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("#graph-svg, svg.gantt")).isEmpty();
        assertThat(doc.select("#graph .note").text()).contains("10,000 VMs").contains("more than this page draws");
        assertThat(doc.select("#gantt .note").text()).contains("the timeline is not drawn");
        JsonNode data = data(doc);
        for (int i = 0; i < model.strategies().size(); i++) {
            JsonNode curve = data.at("/strategies/" + i + "/curve");
            PlanMetrics metrics = model.strategies().get(i).metrics();
            assertThat(metrics.crossWanCurve().size()).isGreaterThan(HtmlReport.CURVE_LIMIT);
            assertThat(curve.get("envelope").asBoolean()).isTrue();
            assertThat(curve.get("t").size()).isEqualTo(HtmlReport.CURVE_BUCKETS + 1);
            double highest = curve.get("r").valueStream().mapToDouble(JsonNode::asDouble).max().orElseThrow();
            assertThat(highest).isCloseTo(metrics.peakRate(), within(1e-3));
        }
    }

    @Test
    void theEnvelopeOfALongCurveKeepsItsPeakEndsAtItsEndAndNeverDropsBelowIt() {
        var random = new java.util.SplittableRandom(5);
        List<PlanMetrics.RatePoint> curve = new ArrayList<>();
        curve.add(new PlanMetrics.RatePoint(0, 0));
        double t = 0;
        for (int i = 0; i < 5000; i++) {
            t += random.nextDouble(0.1, 3);
            curve.add(new PlanMetrics.RatePoint(t, random.nextDouble(0, 1e6)));
        }
        curve.add(new PlanMetrics.RatePoint(t + 1, 0));

        List<PlanMetrics.RatePoint> envelope = HtmlReport.envelope(curve);

        assertThat(envelope).hasSize(HtmlReport.CURVE_BUCKETS + 1);
        assertThat(envelope.get(envelope.size() - 1)).isEqualTo(curve.get(curve.size() - 1));
        assertThat(envelope.stream().mapToDouble(PlanMetrics.RatePoint::rate).max().orElseThrow())
                .isEqualTo(curve.stream().mapToDouble(PlanMetrics.RatePoint::rate).max().orElseThrow());
        for (int i = 0; i + 1 < curve.size(); i++) {
            double at = curve.get(i).time();
            assertThat(rateAt(envelope, at)).as("at %s s", at).isGreaterThanOrEqualTo(curve.get(i).rate());
        }
        assertThat(HtmlReport.envelope(curve.subList(0, 100))).isEqualTo(curve.subList(0, 100));
    }

    @Test
    void dataIsEncodedSoThatNoCharacterCanCloseItsScript() {
        String json = "{\"a\":\"</script><!-- & \u2028\u2029\"}";

        String safe = HtmlReport.safeJson(json);

        assertThat(safe).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028")
                .doesNotContain("\u2029");
        assertThat(JSON.readTree(safe).get("a").asString()).isEqualTo("</script><!-- & \u2028\u2029");
    }

    private static double rateAt(List<PlanMetrics.RatePoint> curve, double time) {
        double rate = 0;
        for (PlanMetrics.RatePoint point : curve) {
            if (point.time() > time) {
                break;
            }
            rate = point.rate();
        }
        return rate;
    }

    private String write(ReportModel model) throws IOException {
        Path file = dir.resolve("report.html");
        HtmlReport.write(model, file);
        return Files.readString(file);
    }

    private static JsonNode data(Document doc) {
        return JSON.readTree(doc.getElementById("skylift-data").data());
    }

    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            names.add("vm-" + v);
        }
        return names;
    }

    private static int count(String text, String what) {
        return (int) Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
