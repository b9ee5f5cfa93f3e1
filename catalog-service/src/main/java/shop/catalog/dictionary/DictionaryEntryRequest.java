package shop.catalog.dictionary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create or change an entry. On create {@code name} is required; on PATCH absent fields stay as
 * they are. {@code code} is for colours only and required there.
 */
public record DictionaryEntryRequest(
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
        @Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "must be a hex colour like #1A2B3C") String code) {
}
