package org.sheaf.jekyll;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;
import java.time.temporal.TemporalQueries;
import java.time.temporal.TemporalUnit;
import java.time.temporal.UnsupportedTemporalTypeException;
import java.time.temporal.ValueRange;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesException;
import java.time.zone.ZoneRulesProvider;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The zone {@link RubyTime#UTC} and the text {@code Time#to_s} ends with. Java's own ids for
 * offset zero ({@code Z}, {@code UTC}, {@code GMT}, {@code Etc/UTC}) are each either a fixed
 * offset or a name a site may give as its timezone, so Ruby's UTC is a zone registered under an
 * id of its own, with the rules of offset zero.
 */
final class RubyUtcZone {
    /** An id outside the IANA database, so no site's {@code timezone} names it by chance. */
    static final String ID = "Ruby/UTC";
    /** The most minutes an offset has in Java ({@code ±18:00}). */
    private static final int MAX_MINUTES = 18 * 60;
    /** {@link #ZONE_TEXT}'s value for a time in {@link RubyTime#UTC}, next to the offsets' minutes. */
    private static final long UTC_VALUE = MAX_MINUTES + 1;

    /**
     * Which zone text a time ends with in {@code Time#to_s}: its offset in whole minutes (Ruby's
     * {@code %z} drops seconds), or {@link #UTC_VALUE} for Ruby's UTC. A field, so that the one
     * {@link java.time.format.DateTimeFormatter} Liqp prints every time with can print both.
     */
    static final TemporalField ZONE_TEXT = new TemporalField() {
        @Override
        public TemporalUnit getBaseUnit() {
            return ChronoUnit.FOREVER;
        }

        @Override
        public TemporalUnit getRangeUnit() {
            return ChronoUnit.FOREVER;
        }

        @Override
        public ValueRange range() {
            return ValueRange.of(-MAX_MINUTES, UTC_VALUE);
        }

        @Override
        public boolean isDateBased() {
            return false;
        }

        @Override
        public boolean isTimeBased() {
            return false;
        }

        @Override
        public boolean isSupportedBy(TemporalAccessor temporal) {
            return temporal.isSupported(ChronoField.OFFSET_SECONDS);
        }

        @Override
        public ValueRange rangeRefinedBy(TemporalAccessor temporal) {
            return range();
        }

        @Override
        public long getFrom(TemporalAccessor temporal) {
            ZoneId zone = temporal.query(TemporalQueries.zone());
            return zone != null && zone.getId().equals(ID) ? UTC_VALUE : temporal.get(ChronoField.OFFSET_SECONDS) / 60;
        }

        @Override
        public <R extends Temporal> R adjustInto(R temporal, long newValue) {
            throw new UnsupportedTemporalTypeException("Ruby's zone text is printed, never set");
        }

        @Override
        public String toString() {
            return "RubyZoneText";
        }
    };

    private RubyUtcZone() {
    }

    /** The zone, registered with {@link ZoneRulesProvider} the first time it is asked for. */
    static synchronized ZoneId zone() {
        if (!ZoneId.getAvailableZoneIds().contains(ID)) {
            try {
                ZoneRulesProvider.registerProvider(new Provider());
            } catch (ZoneRulesException alreadyRegistered) {
                // loaded by another class loader of the same JVM, which registered the same rules
            }
        }
        return ZoneId.of(ID);
    }

    /** {@link #ZONE_TEXT}'s values as text: {@code UTC}, or the offset as {@code +0200}. */
    static Map<Long, String> zoneTexts() {
        Map<Long, String> texts = new HashMap<>();
        for (int minutes = -MAX_MINUTES; minutes <= MAX_MINUTES; minutes++) {
            int abs = Math.abs(minutes);
            texts.put((long) minutes, String.format(Locale.ROOT, "%s%02d%02d", minutes < 0 ? "-" : "+", abs / 60, abs % 60));
        }
        texts.put(UTC_VALUE, "UTC");
        return texts;
    }

    /** Offers the one zone {@link #ID}, at offset zero for all time. */
    private static final class Provider extends ZoneRulesProvider {
        private static final ZoneRules RULES = ZoneRules.of(ZoneOffset.UTC);

        @Override
        protected Set<String> provideZoneIds() {
            return Set.of(ID);
        }

        @Override
        protected ZoneRules provideRules(String zoneId, boolean forCaching) {
            return RULES;
        }

        @Override
        protected NavigableMap<String, ZoneRules> provideVersions(String zoneId) {
            return new TreeMap<>(Map.of("1", RULES));
        }
    }
}
