package dev.sentinelctl.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {{Column}}} placeholders of an alert details override's name or description format. */
public final class AlertPlaceholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)\\}\\}");

    private AlertPlaceholders() {}

    /** The column names the placeholders of {@code format} refer to, in order, white space stripped; none for null. */
    public static List<String> in(String format) {
        List<String> names = new ArrayList<>();
        if (format == null) return names;
        Matcher m = PLACEHOLDER.matcher(format);
        while (m.find()) names.add(m.group(1).strip());
        return names;
    }
}
