package dev.sentinelctl.content;

/** File names for content items, made the way Azure-Sentinel names its files. */
public final class FileNames {
    private FileNames() {}

    /**
     * "Brute force on hosts" → "BruteForceOnHosts" (at most about 100 characters); {@code fallback}, reduced to
     * file-name-safe characters, when the display name has no letters or digits.
     */
    public static String fromDisplayName(String displayName, String fallback) {
        StringBuilder sb = new StringBuilder();
        for (String word : displayName.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) continue;
            sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            if (sb.length() > 100) break;
        }
        return sb.length() == 0 ? fallback.replaceAll("[^A-Za-z0-9._-]", "_") : sb.toString();
    }
}
