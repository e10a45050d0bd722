package dev.skylift.runtime.collect;

import java.io.IOException;

/**
 * Where a collector puts the flow records it decodes from NetFlow (RFC 3954) and IPFIX (RFC 7011)
 * exports. {@link #flush} makes everything accepted so far durable (the collector calls it about
 * once a second), so a killed collector loses at most the last second. {@link FlowCsvWriter}
 * writes our flow CSV.
 */
public interface FlowSink {

    void accept(FlowRecord record) throws IOException;

    void flush() throws IOException;
}
