package dev.chainrule.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * Looks at the start of an upload before it is parsed: refuses binary content and picks the
 * delimiter (comma, semicolon or tab) that occurs most often in the header line, outside quotes.
 */
final class CsvSniffer {

    static final int SNIFF_BYTES = 64 * 1024;
    private static final char[] CANDIDATES = {',', ';', '\t'};

    private CsvSniffer() {
    }

    /** @return the delimiter, or comma when the header holds none of the candidates */
    static char sniff(InputStream in) throws IOException {
        byte[] start = in.readNBytes(SNIFF_BYTES);
        for (byte b : start) {
            if (b == 0) {
                throw DatasetProblems.binary();
            }
        }
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (byte b : start) {
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                break;
            } else if (!quoted) {
                for (int c = 0; c < CANDIDATES.length; c++) {
                    if (b == CANDIDATES[c]) {
                        counts[c]++;
                    }
                }
            }
        }
        int best = 0;
        for (int c = 1; c < CANDIDATES.length; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return CANDIDATES[best];
    }

    /** @param name {@code ,}, {@code ;}, {@code tab} or a tab character */
    static char parseDelimiter(String name) {
        return switch (name) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "\t", "tab", "\\t" -> '\t';
            default -> throw DatasetProblems.invalidParameter("delimiter",
                    "Parameter 'delimiter' must be ',', ';' or 'tab', not '" + name + "'.");
        };
    }
}
