package shop.customers.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A skipped row (and why), or a note on a row that was kept (e.g. its email was dropped). */
@Entity
@Table(name = "customer_import_issue")
public class ImportIssue extends PanacheEntityBase {
    public static final String SKIPPED = "skipped";
    public static final String NOTE = "note";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "import_id")
    public long importId;

    public String kind;

    @Column(name = "row_number")
    public int row;

    @Column(name = "legacy_id")
    public String legacyId;

    public String message;

    static ImportIssue of(long importId, String kind, int row, String legacyId, String message) {
        ImportIssue issue = new ImportIssue();
        issue.importId = importId;
        issue.kind = kind;
        issue.row = row;
        issue.legacyId = legacyId;
        issue.message = message;
        return issue;
    }

    static List<ImportIssue> firstOf(long importId, String kind, int limit) {
        return find("importId = ?1 and kind = ?2 order by row, id", importId, kind).page(0, limit).list();
    }
}
