package dev.chainrule.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An upload's bytes, counted, refused with 413 as soon as they pass the limit. */
final class UploadStream extends FilterInputStream {

    private final long limitBytes;
    private long count;

    UploadStream(InputStream in, long limitBytes) {
        super(in);
        this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    private void counted(int bytes) {
        count += bytes;
        if (count > limitBytes) {
            throw DatasetProblems.tooLarge(limitBytes);
        }
    }

    long count() {
        return count;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
