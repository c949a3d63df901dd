package dev.chainrule.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file of little-endian 32-bit values (float bits or codes), written once in order and
 * then read back in chunks. The file's bytes are already the stored chunk layout, so a numeric
 * column's chunks are copied without decoding. Closing deletes the file.
 */
final class IntSpool implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer;

    IntSpool(Path file, int bufferBytes) {
        this.file = file;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.buffer = ByteBuffer.allocate(bufferBytes - bufferBytes % Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    void put(int value) {
        if (!buffer.hasRemaining()) {
            drain();
        }
        buffer.putInt(value);
    }

    void putFloat(float value) {
        put(Float.floatToRawIntBits(value));
    }

    /** Ends writing; the next {@link #read} starts at the first value. */
    void rewind() {
        drain();
        try {
            channel.position(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the next {@code count} values as little-endian bytes. */
    byte[] read(int count) {
        byte[] bytes = new byte[count * Integer.BYTES];
        ByteBuffer target = ByteBuffer.wrap(bytes);
        try {
            while (target.hasRemaining()) {
                if (channel.read(target) < 0) {
                    throw new IllegalStateException("Spool " + file + " ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    private void drain() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
