package io.perdura.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A reader of tar streams (ustar, with PAX and GNU long names) that hands each regular file to a visitor; enough
 * for docker-save image tars and their layers.
 */
final class TarArchive {

    private static final int BLOCK = 512;

    /** What is done with each regular file of an archive. */
    @FunctionalInterface
    interface Visitor {
        /** Called with the file's name and a stream of exactly its bytes. */
        void visit(String name, InputStream content) throws IOException;
    }

    private TarArchive() {}

    /** Visits every regular file of the archive in order. */
    static void forEachFile(InputStream in, Visitor visitor) throws IOException {
        String longName = null;
        byte[] header = new byte[BLOCK];
        while (in.readNBytes(header, 0, BLOCK) == BLOCK && !isZero(header)) {
            long size = Long.parseLong(
                    field(header, 124, 12).trim().isEmpty()
                            ? "0"
                            : field(header, 124, 12).trim(),
                    8);
            char type = (char) header[156];
            String name = longName != null ? longName : fullName(header);
            longName = null;
            BoundedStream content = new BoundedStream(in, size);
            switch (type) {
                case 'x' -> longName = paxPath(new String(content.readAllBytes(), StandardCharsets.UTF_8));
                case 'L' -> longName = trimNul(new String(content.readAllBytes(), StandardCharsets.UTF_8));
                case '0', '\0' -> visitor.visit(stripDot(name), content);
                default -> {
                    // directories, links and the rest carry no file of their own
                }
            }
            content.skipRest();
            long padding = (BLOCK - size % BLOCK) % BLOCK;
            in.skipNBytes(padding);
        }
    }

    private static String fullName(byte[] header) {
        String name = field(header, 0, 100);
        String magic = field(header, 257, 6);
        String prefix = magic.startsWith("ustar") ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String field(byte[] header, int offset, int length) {
        return trimNul(new String(header, offset, length, StandardCharsets.UTF_8));
    }

    private static String trimNul(String value) {
        int nul = value.indexOf('\0');
        return nul < 0 ? value : value.substring(0, nul);
    }

    private static String stripDot(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of one entry: reads stop at its end, and the rest can be skipped. */
    private static final class BoundedStream extends InputStream {

        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public void close() {
            // the archive's stream stays open for the next entry
        }

        void skipRest() throws IOException {
            in.skipNBytes(remaining);
            remaining = 0;
        }
    }
}
