package org.grantline.designer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most a given number of bytes; one more is an error, so an oversized upload never fills the disk. */
final class LimitedInputStream extends FilterInputStream {

    static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super("upload too large");
        }
    }

    private long remaining;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && --remaining < 0) {
            throw new TooLargeException();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            remaining -= n;
            if (remaining < 0) {
                throw new TooLargeException();
            }
        }
        return n;
    }
}
