package shop.catalog.dictionary;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A colour a variant comes in, with the hex code shops draw it with. */
@Entity
@Table(name = "color")
public class Color extends DictionaryEntry {
    /** {@code #RRGGBB}, upper case. */
    public String code;
}
