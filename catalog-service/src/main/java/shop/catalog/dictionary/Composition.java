package shop.catalog.dictionary;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A product's composition, e.g. "95% cotton, 5% elastane" (seed 000: structures). */
@Entity
@Table(name = "composition")
public class Composition extends DictionaryEntry {
}
