package dev.skylift.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.app.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BandwidthBenchCommandTest {

    @TempDir
    Path dir;
    Path instances;
    Path bestKnown;

    /**
     * Three graphs whose RCM results are known by hand: a path (bandwidth 1, proved by the
     * diameter bound), a star with six leaves (RCM starts at a leaf and puts the hub second, so
     * bandwidth 5 against a degree bound of 3) and an 8-cycle (bandwidth 2, proved by the diameter
     * bound ⌈7/4⌉). The table claims 1 for the path (matched), 3 for the star and — falsely — 3 for
     * the cycle, so the cycle's 2 must be reported as a record.
     */
    @BeforeEach
    void writeInstances() throws IOException {
        instances = Files.createDirectories(dir.resolve("instances"));
        mtx("path10", 10, List.of("2 1", "3 2", "4 3", "5 4", "6 5", "7 6", "8 7", "9 8", "10 9"));
        mtx("star6", 7, List.of("2 1", "3 1", "4 1", "5 1", "6 1", "7 1"));
        mtx("cycle8", 8, List.of("2 1", "3 2", "4 3", "5 4", "6 5", "7 6", "8 7", "8 1"));
        Files.writeString(instances.resolve("notes.txt"), "not an instance");
        bestKnown = dir.resolve("best-known.csv");
        Files.writeString(bestKnown, """
                instance,n,edges,lower_bound,best_known,optimal,source
                path10,10,9,1,1,yes,"by hand, with a comma"
                star6,7,6,3,3,yes,by hand
                cycle8,8,8,,3,unknown,a wrong value on purpose
                """);
    }

    @Test
    void summarisesMatchesGapsProofsAndRecords() throws IOException {
        Path csv = dir.resolve("out.csv");
        Path records = dir.resolve("records");
        CommandRunner.Result result = CommandRunner.run("bench", "bandwidth", "--instances", instances.toString(),
                "--best-known", bestKnown.toString(), "--method", "rcm", "--csv", csv.toString(),
                "--records", records.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith(
                "summary: instances=3 with-best-known=3 matched=1 better=1 proved-optimal=2 mean-gap=11.11% seconds=");
        assertThat(result.out()).containsPattern("star6\\s+7\\s+6\\s+3\\s+5\\s+3\\s+66\\.67");
        assertThat(result.err()).contains("NEW RECORD? cycle8: bandwidth 2 is below the best-known 3")
                .contains("confirmed");

        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo("instance,n,m,lower_bound,result,best_known,gap_percent,seconds,proved,verified");
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("cycle8,8,8,2,2,3,-33.33,"));

        List<Path> kept;
        try (var listing = Files.list(records)) {
            kept = listing.toList();
        }
        assertThat(kept).extracting(p -> p.getFileName().toString()).containsExactly("cycle8.bw2.order");
        List<String> order = Files.readAllLines(kept.get(0)).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(order).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8");

        // A second run finds the record again: the order kept first stays, byte for byte.
        Files.writeString(kept.get(0), "# kept by an earlier run\n" + String.join("\n", order) + "\n");
        byte[] earlier = Files.readAllBytes(kept.get(0));
        CommandRunner.Result again = CommandRunner.run("bench", "bandwidth", "--instances", instances.toString(),
                "--best-known", bestKnown.toString(), "--method", "rcm", "--records", records.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("already kept in");
        assertThat(Files.readAllBytes(kept.get(0))).isEqualTo(earlier);
    }

    @Test
    void relabelledInstancesAreOrderedAndStillCheckedAgainstTheOriginalFile() {
        CommandRunner.Result result = CommandRunner.run("bench", "bandwidth", "--instances", instances.toString(),
                "--best-known", bestKnown.toString(), "--method", "exact", "--time-limit", "5", "--relabel", "7");

        // The independent check reads the original files: an order whose labels did not follow their
        // vertices through the renumbering would fail it and make the exit code 1.
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("relabelled with seed 7")
                .containsPattern("cycle8\\s+8\\s+8\\s+2\\s+2\\s+3")
                .containsPattern("star6\\s+7\\s+6\\s+3\\s+3\\s+3");
        List<String> lines = result.out().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith(
                "summary: instances=3 with-best-known=3 matched=2 better=1 proved-optimal=3 ");
    }

    @Test
    void instancesWithoutBestKnownAreListedButNotCountedInTheGap() throws IOException {
        Files.writeString(bestKnown, "instance,n,edges,lower_bound,best_known,optimal,source\n");
        CommandRunner.Result result = CommandRunner.run("bench", "bandwidth", "--instances", instances.toString(),
                "--best-known", bestKnown.toString(), "--method", "cm");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("summary: instances=3 with-best-known=0 matched=0 better=0 proved-optimal=2 "
                + "mean-gap=0.00%");
        assertThat(result.err()).doesNotContain("NEW RECORD");
    }

    @Test
    void badBestKnownTableNamesFileLineAndColumn() throws IOException {
        Files.writeString(bestKnown, "instance,n,edges,lower_bound,best_known,optimal,source\npath10,10,9,1,one,yes,x\n");
        CommandRunner.Result result = CommandRunner.run("bench", "bandwidth", "--instances", instances.toString(),
                "--best-known", bestKnown.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(bestKnown + ":2: best_known 'one' is not a non-negative integer");
    }

    private void mtx(String name, int n, List<String> edges) throws IOException {
        StringBuilder text = new StringBuilder("%%MatrixMarket matrix coordinate pattern symmetric\n");
        text.append(n).append(' ').append(n).append(' ').append(edges.size()).append('\n');
        edges.forEach(e -> text.append(e).append('\n'));
        Files.writeString(instances.resolve(name + ".mtx"), text);
    }
}
