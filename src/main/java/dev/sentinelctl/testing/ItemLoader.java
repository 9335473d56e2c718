package dev.sentinelctl.testing;

import dev.sentinelctl.check.FileChecker;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentScanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads one content item for testing (no checks): problems with the item itself are `check`'s to report. */
final class ItemLoader {
    private ItemLoader() {}

    static Optional<ContentItem> load(Path file, String display) {
        return new FileChecker(Optional.empty(), List.of(), true).check(new ContentScanner.ContentFile(file, display)).item()
                .filter(item -> !item.query().isEmpty());
    }
}
