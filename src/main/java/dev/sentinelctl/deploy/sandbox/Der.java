package dev.sentinelctl.deploy.sandbox;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The handful of DER encodings a self-signed X.509 certificate needs. Written by hand because the JDK
 * has no public certificate builder and the project must not depend on BouncyCastle or on
 * {@code sun.security.x509} (which would need --add-exports).
 */
final class Der {
    private Der() {
    }

    static byte[] sequence(byte[]... parts) {
        return tagged(0x30, concat(parts));
    }

    static byte[] set(byte[]... parts) {
        return tagged(0x31, concat(parts));
    }

    static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                int b = (int) ((arc >>> (7 * g)) & 0x7f);
                out.write(g == 0 ? b : b | 0x80);
            }
        }
        return tagged(0x06, out.toByteArray());
    }

    static byte[] utf8String(String s) {
        return tagged(0x0c, s.getBytes(StandardCharsets.UTF_8));
    }

    /** UTCTime is valid for years 1950-2049, which covers any sandbox certificate. */
    static byte[] utcTime(String yymmddhhmmssZ) {
        return tagged(0x17, yymmddhhmmssZ.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] octetString(byte[] content) {
        return tagged(0x04, content);
    }

    static byte[] bitString(byte[] content) {
        byte[] withUnusedBits = new byte[content.length + 1];
        System.arraycopy(content, 0, withUnusedBits, 1, content.length);
        return tagged(0x03, withUnusedBits);
    }

    static byte[] bool(boolean value) {
        return tagged(0x01, new byte[] {(byte) (value ? 0xff : 0x00)});
    }

    static byte[] explicit(int tagNumber, byte[] content) {
        return tagged(0xa0 | tagNumber, content);
    }

    static byte[] implicitPrimitive(int tagNumber, byte[] content) {
        return tagged(0x80 | tagNumber, content);
    }

    static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(len) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((len >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
