package dev.skylift.runtime.collect;

/** The decoder's running counters; {@link CollectorCounts} is their snapshot. Single-threaded. */
final class DecoderStats {
    long packets;
    long records;
    final long[] packetsByVersion = new long[3];
    final long[] recordsByVersion = new long[3];
    long decodeErrors;
    long templateMisses;
    long replayedSets;
    long droppedSets;
    long optionsRecords;
    long nonIpRecords;
    long guessedTimes;

    static int slot(int version) {
        return switch (version) {
            case 5 -> 0;
            case 9 -> 1;
            default -> 2;
        };
    }

    CollectorCounts snapshot() {
        return new CollectorCounts(packets, records, packetsByVersion[0], packetsByVersion[1], packetsByVersion[2],
                recordsByVersion[0], recordsByVersion[1], recordsByVersion[2], decodeErrors, templateMisses,
                replayedSets, droppedSets, optionsRecords, nonIpRecords, guessedTimes);
    }
}
