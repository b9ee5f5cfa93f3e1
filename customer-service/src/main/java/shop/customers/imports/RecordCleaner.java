package shop.customers.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import shop.customers.customer.Phones;

/**
 * The seed's cleaning rules for legacy records (seed 004): a record without a usable phone cannot be
 * imported; names are trimmed, their spacing collapsed and capitalised ("иВАН  петров-водкин" →
 * "Иван Петров-Водкин"), placeholders with no letters ("-", "123", "???") or words like "нет" / "null"
 * are dropped; an invalid email, birthday or gender is dropped and the customer kept without it.
 */
final class RecordCleaner {
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Set<String> PLACEHOLDER_NAMES = Set.of(
            "null", "none", "nil", "n/a", "na", "нет", "не указано", "неизвестно", "без имени", "клиент", "test", "тест");
    private static final int MAX_NAME = 100;
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private RecordCleaner() {
    }

    /** The cleaned record, or the reason it must be skipped. */
    static Result clean(LegacyRecord raw) {
        if (raw.defect() != null) {
            return Result.skip(raw.defect());
        }
        Optional<String> phone = Phones.normalise(raw.phone());
        if (phone.isEmpty()) {
            return Result.skip(raw.phone() == null ? "no phone" : "phone '" + raw.phone() + "' is not a valid phone number");
        }
        List<String> notes = new ArrayList<>();
        String legacyId = raw.legacyId() == null || raw.legacyId().isBlank() ? null : raw.legacyId().trim();
        if (legacyId != null && legacyId.length() > 100) {
            return Result.skip("legacy id is longer than 100 characters");
        }
        String email = raw.email() == null ? null : raw.email().trim();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            notes.add("email '" + raw.email() + "' is not a valid address and was dropped");
            email = null;
        }
        LocalDate birthday = birthday(raw.birthday(), notes);
        String gender = gender(raw.gender(), notes);
        Instant updatedAt = null;
        if (raw.updatedAt() != null) {
            updatedAt = instant(raw.updatedAt());
            if (updatedAt == null) {
                notes.add("updated_at '" + raw.updatedAt() + "' is not a date-time; the record counts as the oldest");
            }
        }
        return Result.ok(new CleanRecord(raw.row(), legacyId, phone.get(), name(raw.firstName()), name(raw.lastName()),
                email, birthday, gender, updatedAt, List.copyOf(notes)));
    }

    /** A cleaned name, or null when nothing name-like is left. */
    static String name(String raw) {
        if (raw == null) {
            return null;
        }
        // keep letters, spaces, hyphens and apostrophes; digits and punctuation are legacy noise
        String kept = raw.replaceAll("[^\\p{L}\\s'’-]", " ")
                .replaceAll("\\s+", " ")
                .replaceAll("\\s*-\\s*", "-")
                .replaceAll("^[-'’ ]+|[-'’ ]+$", "")
                .strip();
        if (kept.codePoints().noneMatch(Character::isLetter) || PLACEHOLDER_NAMES.contains(kept.toLowerCase(Locale.ROOT))) {
            return null;
        }
        StringBuilder name = new StringBuilder(kept.length());
        boolean wordStart = true;
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            name.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
            wordStart = c == ' ' || c == '-';
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME).strip() : name.toString();
    }

    private static LocalDate birthday(String raw, List<String> notes) {
        if (raw == null) {
            return null;
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
        } catch (DateTimeParseException e) {
            try {
                date = LocalDate.parse(raw, RUSSIAN_DATE);
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        if (date == null || date.getYear() < 1900 || date.isAfter(LocalDate.now())) {
            notes.add("birthday '" + raw + "' is not a plausible date and was dropped");
            return null;
        }
        return date;
    }

    private static String gender(String raw, List<String> notes) {
        if (raw == null) {
            return null;
        }
        switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "M", "М", "MALE", "МУЖ", "МУЖСКОЙ" -> {
                return "M";
            }
            case "F", "Ж", "FEMALE", "ЖЕН", "ЖЕНСКИЙ" -> {
                return "F";
            }
            default -> {
                notes.add("gender '" + raw + "' is neither M nor F and was dropped");
                return null;
            }
        }
    }

    /** ISO instant, ISO date-time with offset, or a local date-time / date (taken as UTC). */
    static Instant instant(String raw) {
        String text = raw.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    record Result(CleanRecord record, String skipReason) {
        static Result ok(CleanRecord record) {
            return new Result(record, null);
        }

        static Result skip(String reason) {
            return new Result(null, reason);
        }
    }
}
