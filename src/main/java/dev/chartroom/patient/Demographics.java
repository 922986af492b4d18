package dev.chartroom.patient;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading demographic values as people write them: dates of birth, sex, phone numbers, names. */
public final class Demographics {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT),
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("MMMM d, uuuu")
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT),
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("MMM d, uuuu")
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT),
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("d MMMM uuuu")
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT),
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("d MMM uuuu")
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT));
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1850, 1, 1);

    private Demographics() {}

    /**
     * A date of birth: ISO ({@code 1980-03-12}, also with a time part), {@code 1980/03/12}, US
     * {@code 03/12/1980}, {@code 19800312}, or {@code March 12, 1980}. Empty when it is none of
     * these, or not a plausible birth date (before 1850 or after {@code today}).
     */
    public static Optional<LocalDate> birthDate(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        int time = value.indexOf('T');
        if (time == 10) {
            value = value.substring(0, 10);
        } else if (value.length() > 10 && value.charAt(10) == ' ' && value.charAt(4) == '-') {
            value = value.substring(0, 10);
        }
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate date = LocalDate.parse(value, format);
                return date.isBefore(EARLIEST_BIRTH) || date.isAfter(today) ? Optional.empty() : Optional.of(date);
            } catch (DateTimeException notThisFormat) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    /** {@code male}, {@code female}, {@code other} or {@code unknown}; empty for anything else. */
    public static Optional<String> sex(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "m", "male", "man", "masculino", "h", "hombre" -> Optional.of("male");
            case "f", "female", "woman", "femenino", "mujer" -> Optional.of("female");
            case "o", "other", "x", "nonbinary", "non-binary" -> Optional.of("other");
            case "u", "unknown", "unk" -> Optional.of("unknown");
            default -> Optional.empty();
        };
    }

    /** A phone number in E.164 when it is a valid number (national numbers read as US); empty otherwise. */
    public static Optional<String> phone(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var phones = PhoneNumberUtil.getInstance();
        try {
            var number = phones.parse(text.strip(), "US");
            return phones.isValidNumber(number)
                    ? Optional.of(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The longest name, and first or last name, a patient record keeps (its column sizes). */
    public static final int MAX_NAME = 300;

    public static final int MAX_NAME_PART = 150;

    /** First and last name joined as one name, at most {@link #MAX_NAME} characters; null when both are. */
    public static String fullName(String firstName, String lastName) {
        if (firstName == null && lastName == null) {
            return null;
        }
        String name = firstName == null ? lastName : lastName == null ? firstName : firstName + " " + lastName;
        return cut(name, MAX_NAME);
    }

    /**
     * Splits a full name into first and last: {@code "Doe, Jane"} and {@code "Jane Doe"} both give
     * (Jane, Doe). Each part is at most {@link #MAX_NAME_PART} characters.
     */
    public static String[] firstAndLast(String name) {
        String[] parts = split(name);
        return new String[] {cut(parts[0], MAX_NAME_PART), cut(parts[1], MAX_NAME_PART)};
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max
                ? value
                : value.substring(0, max).strip();
    }

    private static String[] split(String name) {
        if (name == null || name.isBlank()) {
            return new String[] {null, null};
        }
        String value = name.strip().replaceAll("\\s+", " ");
        int comma = value.indexOf(',');
        if (comma > 0) {
            String last = value.substring(0, comma).strip();
            String first = value.substring(comma + 1).strip();
            return new String[] {first.isEmpty() ? null : first, last};
        }
        int space = value.lastIndexOf(' ');
        return space < 0
                ? new String[] {null, value}
                : new String[] {value.substring(0, space), value.substring(space + 1)};
    }
}
