package shop.customers.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import shop.commons.jobs.BackgroundJob;
import shop.commons.outbox.Outbox;
import shop.contracts.Topics;
import shop.contracts.customers.CustomerChanged;
import shop.customers.customer.Customer;

/**
 * Applies one planned row to the customers, in one transaction together with the job's counters and
 * the row's report, so the progress a client reads always matches what was written.
 *
 * <p>Matching: by legacy id first, then by phone among active customers. New customers are created
 * without a password and marked {@code guest}, so a later registration with the same email or phone
 * takes the record over. Only fields that differ are written; a row that changes nothing bumps
 * nothing and publishes nothing, which makes a re-run of the same import a no-op.
 */
@ApplicationScoped
public class CustomerImporter {
    /** The report keeps at most this many skipped rows and notes per job (the counters count all). */
    static final int MAX_STORED_ISSUES = 1000;

    @Inject
    Outbox outbox;

    /** The job's id and its report's counters, while a row is applied (written back with the row). */
    private record Counted(long id, CustomerImportReport counts) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void apply(long importId, ImportPlan.Step step) {
        BackgroundJob progress = BackgroundJob.findById(importId);
        progress.processed++;
        Counted job = new Counted(importId, progress.report(CustomerImportReport.class));
        apply(job, step);
        progress.setReport(job.counts);
    }

    private void apply(Counted job, ImportPlan.Step step) {
        if (step.skipReason() != null) {
            skip(job, step.row(), step.legacyId(), step.skipReason());
            return;
        }
        CleanRecord record = step.record();
        Optional<Customer> byLegacyId = record.legacyId() == null ? Optional.empty()
                : Customer.find("legacyId", record.legacyId()).firstResultOptional();
        if (byLegacyId.isPresent() && byLegacyId.get().deletedAt != null) {
            skip(job, record.row(), record.legacyId(), "customer " + byLegacyId.get().id
                    + " with this legacy id was deleted here and is not imported again");
            return;
        }
        Customer existing = byLegacyId.orElseGet(() -> Customer.findActiveByPhone(record.phone()).orElse(null));
        if (existing != null && existing.legacyId != null && record.legacyId() != null
                && !existing.legacyId.equals(record.legacyId())) {
            skip(job, record.row(), record.legacyId(), "phone " + record.phone() + " belongs to customer "
                    + existing.id + " imported from legacy id " + existing.legacyId);
            return;
        }
        for (String note : record.notes()) {
            note(job, record, note);
        }
        if (existing == null) {
            create(job, record);
        } else {
            update(job, record, existing);
        }
    }

    /** A row whose transaction failed (e.g. a concurrent registration took its phone) is skipped, not fatal. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rowFailed(long importId, ImportPlan.Step step, String reason) {
        BackgroundJob progress = BackgroundJob.findById(importId);
        progress.processed++;
        Counted job = new Counted(importId, progress.report(CustomerImportReport.class));
        skip(job, step.row(), step.legacyId(), reason);
        progress.setReport(job.counts);
    }

    private void create(Counted job, CleanRecord record) {
        Customer customer = new Customer();
        customer.phone = record.phone();
        customer.firstName = record.firstName();
        customer.lastName = record.lastName();
        customer.email = freeEmail(job, record, null);
        customer.birthday = record.birthday();
        customer.gender = record.gender();
        customer.legacyId = record.legacyId();
        customer.legacyUpdatedAt = record.updatedAt();
        customer.guest = true; // no password: a registration with this email or phone takes the record over
        customer.persist();
        job.counts.created++;
        publish(CustomerChanged.REGISTERED, customer);
    }

    private void update(Counted job, CleanRecord record, Customer customer) {
        Instant applied = customer.legacyUpdatedAt;
        if (record.updatedAt() != null && applied != null && !record.updatedAt().isAfter(applied)) {
            if (record.updatedAt().isBefore(applied)) {
                skip(job, record.row(), record.legacyId(), "older than the legacy record imported before (updated "
                        + applied + ")");
            } else {
                job.counts.unchanged++; // the same legacy version: keep whatever was edited here since
            }
            return;
        }
        // a customer who changed their data here after the legacy record was written keeps it; only gaps are filled
        boolean fillOnly = applied == null && record.updatedAt() != null && customer.updatedAt.isAfter(record.updatedAt());
        boolean changed = false;
        if (!record.phone().equals(customer.phone)) {
            Optional<Customer> holder = Customer.findActiveByPhone(record.phone());
            if (holder.isPresent()) {
                skip(job, record.row(), record.legacyId(), "phone " + record.phone() + " belongs to another customer ("
                        + holder.get().id + ")");
                return;
            }
            customer.phone = record.phone();
            changed = true;
        }
        changed |= set(customer.firstName, record.firstName(), fillOnly, v -> customer.firstName = v);
        changed |= set(customer.lastName, record.lastName(), fillOnly, v -> customer.lastName = v);
        if (record.email() != null && (customer.email == null || !fillOnly && !record.email().equalsIgnoreCase(customer.email))) {
            String email = freeEmail(job, record, customer.id);
            changed |= set(customer.email, email, fillOnly, v -> customer.email = v);
        }
        changed |= set(customer.birthday, record.birthday(), fillOnly, v -> customer.birthday = v);
        changed |= set(customer.gender, record.gender(), fillOnly, v -> customer.gender = v);
        if (customer.legacyId == null && record.legacyId() != null) {
            customer.legacyId = record.legacyId();
            changed = true;
        }
        if (record.updatedAt() != null) {
            customer.legacyUpdatedAt = record.updatedAt(); // bookkeeping only: not a change of the customer
        }
        if (changed) {
            customer.updatedAt = Instant.now();
            job.counts.updated++;
            publish(CustomerChanged.UPDATED, customer);
        } else {
            job.counts.unchanged++;
        }
    }

    /** Sets a field to the imported value when it has one and it differs; an absent value never clears. */
    private static <T> boolean set(T current, T imported, boolean fillOnly, java.util.function.Consumer<T> setter) {
        if (imported == null || Objects.equals(current, imported) || fillOnly && current != null) {
            return false;
        }
        setter.accept(imported);
        return true;
    }

    /** The record's email, or null (with a note) when another active customer already uses it. */
    private String freeEmail(Counted job, CleanRecord record, Long self) {
        if (record.email() == null) {
            return null;
        }
        Optional<Customer> holder = Customer.findActiveByEmail(record.email());
        if (holder.isPresent() && !holder.get().id.equals(self)) {
            note(job, record, "email " + record.email() + " is used by another customer (" + holder.get().id
                    + ") and was dropped");
            return null;
        }
        return record.email();
    }

    private void publish(String type, Customer customer) {
        outbox.add(Topics.CUSTOMERS_EVENTS, customer.id, type, CustomerChanged.VERSION,
                new CustomerChanged(customer.id, customer.firstName, customer.lastName, customer.email, customer.phone,
                        customer.middleName));
    }

    private static void skip(Counted job, int row, String legacyId, String reason) {
        if (job.counts.skipped < MAX_STORED_ISSUES) {
            ImportIssue.of(job.id, ImportIssue.SKIPPED, row, legacyId, reason).persist();
        }
        job.counts.skipped++;
    }

    private static void note(Counted job, CleanRecord record, String note) {
        if (ImportIssue.count("importId = ?1 and kind = ?2", job.id, ImportIssue.NOTE) < MAX_STORED_ISSUES) {
            ImportIssue.of(job.id, ImportIssue.NOTE, record.row(), record.legacyId(), note).persist();
        }
    }
}
