package dev.sentinelctl.arm.repositories;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's git blob id, {@code sha1("blob " + length + "\0" + bytes)}: what Repositories' tracking table records per
 * file (it reads it from GitHub's Trees API), so it can be compared without git.
 */
public final class GitBlob {
    private GitBlob() {
    }

    public static String sha1(byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            sha.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
