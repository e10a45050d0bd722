package dev.skylift.runtime.collect;

import java.util.List;

/**
 * What NetFlow v9 (RFC 3954 §5.3) and IPFIX (RFC 7011 §3.3.2) share: decoding the records of a data
 * set by its template, keeping a set whose template has not arrived yet, and decoding the kept
 * sets when it does.
 *
 * <p>A data set is a run of records followed by padding shorter than the shortest record; the loop
 * decodes while at least {@link Template#minRecordLength} (never 0) bytes are left, so it always
 * advances and ends.
 */
final class DataSets {

    private final TemplateCache cache;
    private final DecoderStats stats;

    DataSets(TemplateCache cache, DecoderStats stats) {
        this.cache = cache;
        this.stats = stats;
    }

    TemplateCache cache() {
        return cache;
    }

    void data(TemplateCache.Key key, TemplateCache.Domain domain, int templateId, PacketReader body, TimeBase time,
            List<FlowRecord> out) {
        Template template = domain.templates.get(templateId);
        if (template == null) {
            stats.templateMisses++;
            stats.droppedSets += cache.park(new TemplateCache.Pending(key, templateId, body.rest(), time));
            return;
        }
        records(template, domain, body, time, out);
    }

    /** Stores a template and decodes the sets that were waiting for it. */
    void learned(TemplateCache.Key key, TemplateCache.Domain domain, Template template, List<FlowRecord> out) {
        domain.templates.put(template.id, template);
        for (TemplateCache.Pending set : cache.takePending(key, template.id)) {
            try {
                records(template, domain, new PacketReader(set.body(), 0, set.body().length), set.time(), out);
                stats.replayedSets++;
            } catch (FlowDecodeException e) {
                stats.droppedSets++;
            }
        }
    }

    private void records(Template template, TemplateCache.Domain domain, PacketReader body, TimeBase time,
            List<FlowRecord> out) {
        while (body.remaining() >= template.minRecordLength) {
            if (template.options) {
                RecordDecoder.readOptions(template, body, domain);
                stats.optionsRecords++;
                continue;
            }
            FlowRecord record = RecordDecoder.read(template, body, time, domain, stats);
            if (record == null) {
                stats.nonIpRecords++;
            } else {
                out.add(record);
            }
        }
        // What is left is padding (RFC 3954 §5.3, RFC 7011 §3.3.1).
    }
}
