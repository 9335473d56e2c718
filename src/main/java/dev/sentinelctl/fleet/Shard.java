package dev.sentinelctl.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * One of {@code count} parallel jobs ({@code --shard 2/4}, 1-based as CI matrices count). A workspace belongs to the
 * shard its resource id hashes to: SHA-256 of the lower-cased id, so the partition is the same on every machine and
 * JVM, and a workspace keeps its shard when others are added or removed (only the count moves workspaces). The
 * price of that stability is that shards are balanced statistically, not exactly.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist; use i/n with 1 <= i <= n");
        }
    }

    public static final Shard ALL = new Shard(1, 1);

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) return new Shard(Integer.parseInt(t.substring(0, slash).trim()), Integer.parseInt(t.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("'" + text + "' is not a shard; write i/n, e.g. --shard 2/4");
    }

    /** The 1-based shard a workspace belongs to among {@code count}. */
    public static int of(String resourceId, int count) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(resourceId.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        long h = 0;
        for (int i = 0; i < 8; i++) h = (h << 8) | (digest[i] & 0xFF);
        return (int) Long.remainderUnsigned(h, count) + 1;
    }

    public boolean contains(String resourceId) {
        return of(resourceId, count) == index;
    }

    public List<WorkspaceTarget> select(List<WorkspaceTarget> targets) {
        return targets.stream().filter(t -> contains(t.resourceId())).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
