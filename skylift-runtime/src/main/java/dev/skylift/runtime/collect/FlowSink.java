package dev.skylift.runtime.collect;

import java.io.IOException;

/**
 * Where a collector puts the flow records it decodes. {@link #flush} makes everything accepted so
 * far durable (the collector calls it about once a second), so a killed collector loses at most the
 * last second. {@link FlowCsvWriter} writes our flow CSV.
 */
public interface FlowSink {

    void accept(FlowRecord record) throws IOException;

    void flush() throws IOException;
}
