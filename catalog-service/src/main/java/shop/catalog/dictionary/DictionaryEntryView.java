package shop.catalog.dictionary;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An entry as the API shows it; {@code code} only for colours. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DictionaryEntryView(long id, String name, String code) {
    static DictionaryEntryView of(DictionaryEntry entry) {
        return new DictionaryEntryView(entry.id, entry.name, entry instanceof Color color ? color.code : null);
    }
}
