package dev.sentinelctl.content.playbook;

/** JSON pointers (RFC 6901) built from segments, as {@code YamlDocument} keys positions by them. */
final class Pointers {
    private Pointers() {
    }

    static String of(Object... segments) {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) sb.append('/').append(String.valueOf(s).replace("~", "~0").replace("/", "~1"));
        return sb.toString();
    }
}
