package dev.chainrule.dataset;

import java.util.List;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The second pass: encodes every row by the plan into per-column buffers and hands each full
 * buffer to a {@link ChunkWriter}, so memory holds one chunk per column, never the file.
 */
final class ChunkEncoder {

    private ChunkEncoder() {
    }

    static void encode(CsvRows rows, DatasetPlan plan, int chunkRows, ChunkWriter writer) {
        List<ColumnPlan> columns = plan.columns();
        ColumnBuffer[] buffers = new ColumnBuffer[columns.size()];
        for (int c = 0; c < buffers.length; c++) {
            ColumnPlan column = columns.get(c);
            buffers[c] = column.storedAsCodes() ? new CodeBuffer(column, chunkRows) : new FloatBuffer(chunkRows);
        }
        int filled = 0;
        int chunk = 0;
        CsvRecord record;
        while ((record = rows.next()) != null) {
            for (int c = 0; c < buffers.length; c++) {
                buffers[c].put(filled, Cells.trim(record.getField(c)));
            }
            if (++filled == chunkRows) {
                drain(buffers, chunk++, filled, writer);
                filled = 0;
            }
        }
        if (filled > 0) {
            drain(buffers, chunk, filled, writer);
        }
        if (rows.row() != plan.rows()) {
            throw new IllegalStateException("The upload changed between passes: " + plan.rows() + " then "
                    + rows.row() + " rows");
        }
    }

    private static void drain(ColumnBuffer[] buffers, int chunk, int filled, ChunkWriter writer) {
        for (int c = 0; c < buffers.length; c++) {
            writer.write(c, chunk, filled, buffers[c].encode(filled));
        }
    }

    private interface ColumnBuffer {

        void put(int at, String value);

        byte[] encode(int count);
    }

    private static final class FloatBuffer implements ColumnBuffer {

        private final float[] values;

        FloatBuffer(int size) {
            values = new float[size];
        }

        @Override
        public void put(int at, String value) {
            values[at] = Cells.isMissing(value) ? Float.NaN : Cells.parseNumber(value);
        }

        @Override
        public byte[] encode(int count) {
            return ChunkCodec.encodeFloats(values, count);
        }
    }

    private static final class CodeBuffer implements ColumnBuffer {

        private final int[] codes;
        private final ColumnPlan column;
        private final int missingCode;

        CodeBuffer(ColumnPlan column, int size) {
            this.codes = new int[size];
            this.column = column;
            this.missingCode = column.missingCode();
        }

        @Override
        public void put(int at, String value) {
            Integer code = Cells.isMissing(value) ? Integer.valueOf(missingCode) : column.codes().get(value);
            if (code == null || code < 0) {
                throw new IllegalStateException("Value '" + value + "' of column " + column.name()
                        + " was not seen in the first pass");
            }
            codes[at] = code;
        }

        @Override
        public byte[] encode(int count) {
            return ChunkCodec.encodeInts(codes, count);
        }
    }
}
