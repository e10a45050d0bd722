package dev.skylift.runtime.collect;

/**
 * A (options) template of NetFlow v9 (RFC 3954 §5.2, §6.1) or IPFIX (RFC 7011 §3.4): the
 * information elements of each record of a data set, in order, with their lengths. Checked when it
 * is learned, so that decoding a record can trust it: the elements the collector reads have the
 * lengths their types allow, and every record is at least one byte long (which is what makes
 * every loop over the records of a data set advance).
 */
final class Template {

    /** The length that marks a variable-length field in IPFIX (RFC 7011 §7). */
    static final int VARIABLE = 0xFFFF;

    final int id;
    final int[] elements;
    final long[] enterprises;
    final int[] lengths;
    /** Options templates: how many leading fields are scope fields (never interpreted). 0 for data templates. */
    final int scopeCount;
    final boolean options;
    /** Bytes of the shortest possible record: fixed lengths plus one length byte per variable field. */
    final int minRecordLength;

    Template(int id, int[] elements, long[] enterprises, int[] lengths, int scopeCount, boolean options, String where) {
        this.id = id;
        this.elements = elements;
        this.enterprises = enterprises;
        this.lengths = lengths;
        this.scopeCount = scopeCount;
        this.options = options;
        int min = 0;
        for (int i = 0; i < elements.length; i++) {
            min += lengths[i] == VARIABLE ? 1 : lengths[i];
            if (i >= scopeCount && enterprises[i] == 0) {
                check(elements[i], lengths[i], where);
            }
        }
        if (min < 1) {
            throw new FlowDecodeException(where + ": template " + id + " describes records of 0 bytes; "
                    + "a record needs at least one field with a length above 0");
        }
        this.minRecordLength = min;
    }

    private void check(int element, int length, String where) {
        int expectedMin;
        int expectedMax;
        switch (element) {
            case InformationElements.SOURCE_IPV4, InformationElements.DESTINATION_IPV4 -> {
                expectedMin = 4;
                expectedMax = 4;
            }
            case InformationElements.SOURCE_IPV6, InformationElements.DESTINATION_IPV6 -> {
                expectedMin = 16;
                expectedMax = 16;
            }
            case InformationElements.FLOW_START_MICROSECONDS, InformationElements.FLOW_END_MICROSECONDS,
                    InformationElements.FLOW_START_NANOSECONDS, InformationElements.FLOW_END_NANOSECONDS -> {
                expectedMin = 8;
                expectedMax = 8;
            }
            default -> {
                if (!InformationElements.isInteger(element)) {
                    return;
                }
                expectedMin = 1;
                expectedMax = 8;
            }
        }
        if (length == VARIABLE || length < expectedMin || length > expectedMax) {
            throw new FlowDecodeException(where + ": template " + id + " gives information element " + element
                    + " (" + InformationElements.name(element) + ") the length "
                    + (length == VARIABLE ? "'variable'" : Integer.toString(length)) + "; expected "
                    + (expectedMin == expectedMax ? expectedMin + " bytes" : expectedMin + ".." + expectedMax + " bytes"));
        }
    }
}
