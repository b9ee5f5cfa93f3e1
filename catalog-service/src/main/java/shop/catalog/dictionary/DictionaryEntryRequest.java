package shop.catalog.dictionary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create or change an entry. On create {@code name} is required; on PATCH absent fields stay as
 * they are. {@code code} is for colours only and required there. How long a name may be depends on the
 * dictionary ({@link DictionaryResource}).
 */
public record DictionaryEntryRequest(
        @Size(min = 1, message = "must not be empty") String name,
        @Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "must be a hex colour like #1A2B3C") String code) {
}
