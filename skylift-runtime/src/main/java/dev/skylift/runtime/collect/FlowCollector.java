package dev.skylift.runtime.collect;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A NetFlow v5 / v9 (RFC 3954) / IPFIX (RFC 7011) collector over UDP (RFC 7011 §10.3): receives
 * datagrams on one IPv4 or IPv6 address, decodes them with a {@link FlowDecoder} and hands the
 * records to a {@link FlowSink}, flushing it about once a second. A datagram that does not decode
 * is counted and logged with its exporter and the reason (the first {@value #MAX_LOGGED} of them;
 * after that only counted); it never stops the collector.
 *
 * <p>{@link #run} blocks until the duration has passed, the record limit is reached or
 * {@link #stop} is called (from another thread, e.g. a SIGINT hook).
 */
public final class FlowCollector implements AutoCloseable {

    /** Why {@link #run} returned. */
    public enum Stop { DURATION, MAX_RECORDS, STOPPED }

    /** How a run ended and what it saw. */
    public record Result(Stop reason, CollectorCounts counts) {
    }

    static final int MAX_LOGGED = 100;
    private static final int POLL_MILLIS = 100;
    private static final long FLUSH_NANOS = 1_000_000_000L;

    private final DatagramSocket socket;
    private final FlowDecoder decoder = new FlowDecoder();
    private final Consumer<String> log;
    private volatile boolean stopping;
    private volatile long written;
    private long logged;

    private FlowCollector(DatagramSocket socket, Consumer<String> log) {
        this.socket = socket;
        this.log = log;
    }

    /** Binds the UDP socket now (port 0 picks a free port; see {@link #localAddress}). */
    public static FlowCollector bind(InetSocketAddress listen, Consumer<String> log) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.setReuseAddress(true);
            // Exporters send in bursts (softflowd at the end of a capture); a large buffer avoids losing them.
            socket.setReceiveBufferSize(8 << 20);
            socket.bind(listen);
            socket.setSoTimeout(POLL_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on UDP " + listen + ": " + e.getMessage()
                    + "; is another collector using the port?", e);
        }
        return new FlowCollector(socket, log);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /**
     * Receives until {@code duration} (null: no limit) has passed, {@code maxRecords} (0: no limit)
     * records were written, or {@link #stop} was called. The sink is flushed at the end, not closed.
     */
    public Result run(FlowSink sink, Duration duration, long maxRecords) throws IOException {
        long started = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : started + duration.toNanos();
        long lastFlush = started;
        boolean dirty = false;
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        Stop reason = Stop.STOPPED;
        try {
            while (!stopping) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    reason = Stop.DURATION;
                    break;
                }
                if (dirty && now - lastFlush >= FLUSH_NANOS) {
                    sink.flush();
                    lastFlush = now;
                    dirty = false;
                }
                packet.setLength(buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (SocketException e) {
                    if (stopping) {
                        break;
                    }
                    throw e;
                }
                List<FlowRecord> records;
                try {
                    records = decoder.decode(packet.getAddress(), buffer, packet.getLength());
                } catch (FlowDecodeException e) {
                    logDecodeError(packet, e.getMessage());
                    continue;
                } catch (RuntimeException e) {
                    // A decoder bug must not stop the collection either.
                    logDecodeError(packet, "unexpected " + e + " (a bug in the decoder; please report it with this packet)");
                    continue;
                }
                for (FlowRecord record : records) {
                    sink.accept(record);
                    dirty = true;
                    written++;
                    if (written == maxRecords) {
                        reason = Stop.MAX_RECORDS;
                        return new Result(reason, decoder.counts());
                    }
                }
            }
            return new Result(reason, decoder.counts());
        } finally {
            decoder.finish();
            sink.flush();
        }
    }

    private void logDecodeError(DatagramPacket packet, String reason) {
        logged++;
        if (logged <= MAX_LOGGED) {
            log.accept("decode error from " + packet.getAddress().getHostAddress() + ":" + packet.getPort() + " ("
                    + packet.getLength() + " bytes): " + reason);
        }
        if (logged == MAX_LOGGED) {
            log.accept("further decode errors are counted, not logged");
        }
    }

    /** Records handed to the sink so far; readable from any thread while {@link #run} runs. */
    public long recordsWritten() {
        return written;
    }

    /** The counts so far (exact only after {@link #run} returned). */
    public CollectorCounts counts() {
        return decoder.counts();
    }

    /** Makes {@link #run} return within about {@value #POLL_MILLIS} ms; callable from any thread. */
    public void stop() {
        stopping = true;
    }

    @Override
    public void close() {
        stopping = true;
        socket.close();
    }
}
