package shop.customers.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A legacy record after the seed's cleaning rules: phone normalised, names cleaned, fields that could
 * not be used dropped (null) with a note saying so.
 */
record CleanRecord(int row, String legacyId, String phone, String firstName, String lastName, String email,
                   LocalDate birthday, String gender, Instant updatedAt, List<String> notes) {
}
