package dev.chainrule.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import dev.chainrule.fault.TooLargeException;

/** An upload's bytes, counted, refused with 413 as soon as they pass the limit (the upload size or the tenant's storage quota). */
final class UploadStream extends FilterInputStream {

    private final long limitBytes;
    private final Supplier<TooLargeException> refusal;
    private long count;

    UploadStream(InputStream in, long limitBytes, Supplier<TooLargeException> refusal) {
        super(in);
        this.limitBytes = limitBytes;
        this.refusal = refusal;
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
            throw refusal.get();
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
