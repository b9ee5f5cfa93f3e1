package shop.catalog.dictionary;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A size a variant comes in. */
@Entity
@Table(name = "size")
public class Size extends DictionaryEntry {
}
