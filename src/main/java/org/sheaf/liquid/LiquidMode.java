package org.sheaf.liquid;

import java.util.Locale;
import java.util.Optional;

/**
 * Jekyll's {@code liquid: error_mode}: how Liquid text that the strict grammar refuses is read.
 * Ruby Liquid's lax reading accepts what real sites are full of (a filter argument without its
 * comma, {@code {{ }}} inside {@code assign}, {@code {% else if %}}); Jekyll's default,
 * {@code warn}, reads such text laxly and warns about it.
 */
public enum LiquidMode {
    /** Refused text is an error. */
    STRICT,
    /** Refused text is read laxly, with a warning at the place the strict grammar stopped. */
    WARN,
    /** Refused text is read laxly, silently. */
    LAX;

    /** The mode named by {@code error_mode}'s value ({@code strict}, {@code warn}, {@code lax}); empty for any other. */
    public static Optional<LiquidMode> named(String value) {
        for (LiquidMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
