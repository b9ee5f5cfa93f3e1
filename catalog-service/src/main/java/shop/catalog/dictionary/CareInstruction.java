package shop.catalog.dictionary;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** How to care for a product (seed 000: products_care). */
@Entity
@Table(name = "care_instruction")
public class CareInstruction extends DictionaryEntry {
}
