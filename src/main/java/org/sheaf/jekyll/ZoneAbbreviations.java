package org.sheaf.jekyll;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A zone's abbreviation at a time ({@code CEST}, {@code -03}) as Ruby has it: Ruby's {@code %Z}
 * and the zone names {@code Time.parse} accepts come from the C library's {@code localtime},
 * which reads the system's tz database, the TZif file named by the zone under
 * {@code /usr/share/zoneinfo} (or {@code $TZDIR}). Java's short names come from CLDR instead,
 * which for some zones has letters where the tz database has a number (America/Sao_Paulo's
 * {@code BRT} for {@code -03}, Australia/Lord_Howe's {@code LHST} for {@code +1030}). So the
 * name is read from the zone's TZif file when the machine has one, as Ruby does on the same
 * machine, and from Java's names when it has none. Thread-safe.
 */
final class ZoneAbbreviations {
    /** Each zone's file, read once: the build asks for names of one or two zones, many times. */
    private static final Map<String, Optional<ZoneAbbreviations>> FILES = new ConcurrentHashMap<>();
    private static final DateTimeFormatter JAVA_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    /**
     * Taken to ask the JDK for a zone's name, one thread at a time. Its CLDR provider fills in a
     * zone's English short names (from its COMPAT data) in an array it shares and caches, the first
     * time the zone is asked for and again once memory pressure has cleared that cache; a thread
     * that reads the array meanwhile gets the GMT offset ({@code GMT+02:00} for {@code CEST}),
     * and the JDK keeps that in its caches of names. Pages render in parallel, so two pages
     * formatting {@code %Z} at once could do that.
     */
    private static final Object JAVA_NAMES = new Object();
    /** A POSIX TZ string's name: letters, or anything but {@code >} between angle brackets ({@code <-03>}). */
    private static final Pattern FOOTER = Pattern.compile(
            "\\A(<[^>]*>|[A-Za-z]{3,})([-+]?\\d{1,3}(?::\\d{1,2}){0,2})(?:(<[^>]*>|[A-Za-z]{3,})([-+]?\\d{1,3}(?::\\d{1,2}){0,2})?)?");

    /** The instants at which the offset changes, in seconds since 1970, ascending. */
    private final long[] transitions;
    /** The type in force from each transition on. */
    private final int[] typeAfter;
    private final String[] names;
    /** The type in force before the first transition: the first standard-time type, as glibc takes it. */
    private final int firstType;
    /** The footer's names and offsets for times from the last transition on; null without a footer. */
    private final String standardName;
    private final int standardOffset;
    private final String summerName;

    private ZoneAbbreviations(long[] transitions, int[] typeAfter, boolean[] summer, String[] names, String footer) {
        this.transitions = transitions;
        this.typeAfter = typeAfter;
        this.names = names;
        int first = 0;
        while (first < summer.length && summer[first]) {
            first++;
        }
        this.firstType = first == summer.length ? 0 : first;
        Matcher m = footer == null ? null : FOOTER.matcher(footer);
        if (m != null && m.find()) {
            standardName = unbracketed(m.group(1));
            standardOffset = -posixSeconds(m.group(2));
            summerName = m.group(3) == null ? null : unbracketed(m.group(3));
        } else {
            standardName = null;
            standardOffset = 0;
            summerName = null;
        }
    }

    /**
     * The abbreviation of {@code time}'s zone at its instant: the tz database's when the machine
     * has the zone's file, else Java's short name, {@code LMT} before the zone's first change of
     * offset (as the tz database has it for nearly every zone).
     */
    static String of(ZonedDateTime time) {
        ZoneId zone = time.getZone();
        if (!(zone instanceof ZoneOffset)) {
            Optional<ZoneAbbreviations> file = FILES.computeIfAbsent(zone.getId(), ZoneAbbreviations::load);
            if (file.isPresent()) {
                return file.get().at(time.toEpochSecond(), time.getOffset().getTotalSeconds());
            }
        }
        List<ZoneOffsetTransition> changes = zone.getRules().getTransitions();
        if (!changes.isEmpty() && time.toInstant().isBefore(changes.get(0).getInstant())) {
            return "LMT";
        }
        synchronized (JAVA_NAMES) {
            return JAVA_NAME.format(time);
        }
    }

    /**
     * The name at {@code second}: the type of the last transition at or before it, the first
     * standard type before all of them, and from the last on the footer's name whose offset is
     * {@code offset} (the offset Java's rules give), as {@code localtime} reads the footer's rule.
     */
    private String at(long second, int offset) {
        if (transitions.length == 0 || second < transitions[0]) {
            return standardName != null && transitions.length == 0 ? footerName(offset) : names[firstType];
        }
        if (second >= transitions[transitions.length - 1] && standardName != null) {
            return footerName(offset);
        }
        int found = Arrays.binarySearch(transitions, second);
        int index = found >= 0 ? found : -found - 2;
        return names[typeAfter[index]];
    }

    private String footerName(int offset) {
        return summerName != null && offset != standardOffset ? summerName : standardName;
    }

    /** The zone's TZif file read, or empty when the machine has none or it is no TZif file. */
    private static Optional<ZoneAbbreviations> load(String id) {
        String dir = System.getenv("TZDIR");
        Path path = Path.of(dir == null || dir.isEmpty() ? "/usr/share/zoneinfo" : dir).resolve(id);
        try {
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            return read(ByteBuffer.wrap(Files.readAllBytes(path)));
        } catch (IOException | RuntimeException e) {
            // an unreadable, truncated or malformed file names nothing; Java's names stand in
            return Optional.empty();
        }
    }

    /**
     * RFC 8536's TZif: a header and a block of 32-bit times, then for version 2 on a second
     * header, a block of 64-bit times and a footer, a POSIX TZ string for times after the last
     * transition. The 64-bit block is read when there is one.
     */
    private static Optional<ZoneAbbreviations> read(ByteBuffer in) {
        if (in.remaining() < 44 || in.getInt(0) != 0x545a6966) {  // "TZif"
            return Optional.empty();
        }
        int version = in.get(4);
        int[] counts = counts(in, 0);
        if (version == 0) {
            in.position(44);
            return Optional.of(block(in, counts, 4, null));
        }
        int second = 44 + blockLength(counts, 4);
        int[] wide = counts(in, second);
        int footerStart = second + 44 + blockLength(wide, 8);
        String footer = null;
        if (footerStart < in.limit() && in.get(footerStart) == '\n') {
            int end = footerStart + 1;
            while (end < in.limit() && in.get(end) != '\n') {
                end++;
            }
            footer = new String(in.array(), footerStart + 1, end - footerStart - 1, StandardCharsets.US_ASCII);
        }
        in.position(second + 44);
        return Optional.of(block(in, wide, 8, footer == null || footer.isEmpty() ? null : footer));
    }

    /** isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt of the header at {@code at}. */
    private static int[] counts(ByteBuffer in, int at) {
        int[] counts = new int[6];
        for (int i = 0; i < 6; i++) {
            counts[i] = in.getInt(at + 20 + 4 * i);
        }
        return counts;
    }

    private static int blockLength(int[] c, int timeSize) {
        return c[3] * timeSize + c[3] + c[4] * 6 + c[5] + c[2] * (timeSize + 4) + c[1] + c[0];
    }

    private static ZoneAbbreviations block(ByteBuffer in, int[] c, int timeSize, String footer) {
        long[] transitions = new long[c[3]];
        for (int i = 0; i < transitions.length; i++) {
            transitions[i] = timeSize == 8 ? in.getLong() : in.getInt();
        }
        if (c[4] < 1) {
            throw new IllegalArgumentException("a TZif file without local time types");
        }
        int[] typeAfter = new int[c[3]];
        for (int i = 0; i < typeAfter.length; i++) {
            typeAfter[i] = Objects.checkIndex(Byte.toUnsignedInt(in.get()), c[4]);
        }
        boolean[] summer = new boolean[c[4]];
        int[] nameAt = new int[c[4]];
        for (int i = 0; i < summer.length; i++) {
            in.getInt();  // the offset, which Java's rules give
            summer[i] = in.get() != 0;
            nameAt[i] = Objects.checkIndex(Byte.toUnsignedInt(in.get()), c[5]);
        }
        byte[] chars = new byte[c[5]];
        in.get(chars);
        String[] names = new String[c[4]];
        for (int i = 0; i < names.length; i++) {
            int end = nameAt[i];
            while (end < chars.length && chars[end] != 0) {
                end++;
            }
            names[i] = new String(chars, nameAt[i], end - nameAt[i], StandardCharsets.US_ASCII);
        }
        return new ZoneAbbreviations(transitions, typeAfter, summer, names, footer);
    }

    private static String unbracketed(String name) {
        return name.startsWith("<") ? name.substring(1, name.length() - 1) : name;
    }

    /** A POSIX offset ({@code -1}, {@code 3}, {@code -5:30}) in seconds, west of Greenwich positive. */
    private static int posixSeconds(String text) {
        int sign = text.startsWith("-") ? -1 : 1;
        String[] parts = text.replaceFirst("^[-+]", "").split(":");
        int seconds = 0;
        int unit = 3600;
        for (String part : parts) {
            seconds += Integer.parseInt(part) * unit;
            unit /= 60;
        }
        return sign * seconds;
    }
}
