package shop.analytics.logs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A bad line of an import: its number, why it was skipped and (the start of) its text. */
@Entity
@Table(name = "log_import_issue")
@IdClass(LogImportIssue.Key.class)
public class LogImportIssue extends PanacheEntityBase {
    static final int MAX_TEXT = 300;

    @Id
    @Column(name = "import_id")
    public long importId;

    @Id
    @Column(name = "line_no")
    public long lineNo;

    public String reason;

    public String line;

    public static class Key implements Serializable {
        public long importId;
        public long lineNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.importId == importId && k.lineNo == lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(importId, lineNo);
        }
    }

    static LogImportIssue of(long importId, long lineNo, String reason, String text) {
        LogImportIssue issue = new LogImportIssue();
        issue.importId = importId;
        issue.lineNo = lineNo;
        issue.reason = reason;
        issue.line = text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
        return issue;
    }

    static List<LogImportView.BadLine> firstOf(long importId) {
        return LogImportIssue.<LogImportIssue>find("importId", Sort.ascending("lineNo"), importId).list().stream()
                .map(issue -> new LogImportView.BadLine(issue.lineNo, issue.reason, issue.line)).toList();
    }
}
