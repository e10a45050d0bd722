package dev.skylift.app;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far a long command has got: a live progress bar on a terminal, one line per step
 * otherwise (logs, CI, pipes), where a redrawn bar would only fill the log with carriage returns.
 */
public final class Progress implements AutoCloseable {

    private final ProgressBar bar;
    private final PrintWriter lines;
    private final int total;
    private int done;
    private long stepStarted;

    private Progress(ProgressBar bar, PrintWriter lines, int total) {
        this.bar = bar;
        this.lines = lines;
        this.total = total;
    }

    /** Progress over {@code total} steps, to the terminal if there is one, else as lines to {@code err}. */
    public static Progress start(int total, PrintWriter err) {
        if (System.console() != null) {
            ProgressBar bar = new ProgressBarBuilder()
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(200)
                    .continuousUpdate()
                    .build();
            return new Progress(bar, null, total);
        }
        return new Progress(null, err, total);
    }

    /** A step begins; {@code what} names it. */
    public void starting(String what) {
        stepStarted = System.nanoTime();
        if (bar != null) {
            bar.setExtraMessage(what);
        } else {
            lines.printf("[%" + Integer.toString(total).length() + "d/%d] %s ...", done + 1, total, what);
            lines.flush();
        }
    }

    /** The current step is done. */
    public void done() {
        done++;
        if (bar != null) {
            bar.step();
        } else {
            lines.printf(" %.1f s%n", (System.nanoTime() - stepStarted) / 1e9);
            lines.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
