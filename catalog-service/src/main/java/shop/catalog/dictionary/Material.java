package shop.catalog.dictionary;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A fabric or other material a product is made of. */
@Entity
@Table(name = "material")
public class Material extends DictionaryEntry {
}
