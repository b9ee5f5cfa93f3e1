package shop.customers.imports;

/**
 * One customer record as the legacy source delivers it, before any cleaning: every field is the raw
 * text (null when absent). {@code defect} is set when the row could not even be read (e.g. a CSV line
 * with the wrong number of columns); such a row is skipped with that reason.
 *
 * @param row 1-based position in the source (the CSV line's data row number, the result set's row)
 */
public record LegacyRecord(int row, String legacyId, String phone, String firstName, String lastName, String email,
                           String birthday, String gender, String updatedAt, String defect) {

    /** The columns a source delivers, in the documented order (CSV header, JDBC query column labels). */
    public static final java.util.List<String> COLUMNS = java.util.List.of(
            "legacy_id", "phone", "first_name", "last_name", "email", "birthday", "gender", "updated_at");

    static LegacyRecord unreadable(int row, String defect) {
        return new LegacyRecord(row, null, null, null, null, null, null, null, null, defect);
    }
}
