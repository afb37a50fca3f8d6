package org.sheaf.generate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Licence text as writers give it in {@code license:} to a {@link License}: an SPDX identifier
 * ({@code CC-BY-SA-4.0}, {@code MIT}, {@code Apache-2.0}) or a Creative Commons short form
 * ({@code CC BY 4.0}, {@code cc-by-nc-sa 3.0}, {@code CC0}), in any case and with spaces, hyphens
 * or underscores between its parts.
 *
 * <p>Knows the Creative Commons licences (versions 2.0 to 4.0 and CC0), the Open Data Commons
 * licences and the common software licences. Stateless.
 */
public final class Licenses {
    private static final Pattern CREATIVE_COMMONS =
            Pattern.compile("CC-?(BY(?:-NC)?(?:-SA|-ND)?)-?(2\\.0|2\\.5|3\\.0|4\\.0)(?:-INT(?:ERNATIONAL)?)?");
    private static final Pattern CC_ZERO = Pattern.compile("CC-?0(?:-?1\\.0)?(?:-UNIVERSAL)?|CC-?ZERO");
    private static final Map<String, License> OTHERS = new LinkedHashMap<>();

    static {
        other("MIT", "MIT License", "https://opensource.org/licenses/MIT");
        other("Apache-2.0", "Apache License 2.0", "https://www.apache.org/licenses/LICENSE-2.0");
        other("BSD-2-Clause", "BSD 2-Clause \"Simplified\" License", "https://opensource.org/licenses/BSD-2-Clause");
        other("BSD-3-Clause", "BSD 3-Clause \"New\" or \"Revised\" License", "https://opensource.org/licenses/BSD-3-Clause");
        other("GPL-2.0-only", "GNU General Public License v2.0 only", "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html");
        other("GPL-2.0-or-later", "GNU General Public License v2.0 or later", "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html");
        other("GPL-3.0-only", "GNU General Public License v3.0 only", "https://www.gnu.org/licenses/gpl-3.0.html");
        other("GPL-3.0-or-later", "GNU General Public License v3.0 or later", "https://www.gnu.org/licenses/gpl-3.0.html");
        other("LGPL-3.0-only", "GNU Lesser General Public License v3.0 only", "https://www.gnu.org/licenses/lgpl-3.0.html");
        other("AGPL-3.0-only", "GNU Affero General Public License v3.0", "https://www.gnu.org/licenses/agpl-3.0.html");
        other("MPL-2.0", "Mozilla Public License 2.0", "https://www.mozilla.org/en-US/MPL/2.0/");
        other("Unlicense", "The Unlicense", "https://unlicense.org/");
        other("ODbL-1.0", "Open Data Commons Open Database License v1.0", "https://opendatacommons.org/licenses/odbl/1-0/");
        other("ODC-By-1.0", "Open Data Commons Attribution License v1.0", "https://opendatacommons.org/licenses/by/1-0/");
        other("PDDL-1.0", "Open Data Commons Public Domain Dedication & License 1.0", "https://opendatacommons.org/licenses/pddl/1-0/");
        other("OGL-UK-3.0", "Open Government Licence v3.0", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
    }

    private Licenses() {
    }

    private static void other(String spdx, String name, String url) {
        OTHERS.put(key(spdx), new License(spdx, name, url));
    }

    /** The licence {@code text} names; empty when it names none sheaf knows. */
    public static Optional<License> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = key(text);
        if (CC_ZERO.matcher(key).matches()) {
            return Optional.of(new License("CC0-1.0", "Creative Commons Zero v1.0 Universal",
                    "https://creativecommons.org/publicdomain/zero/1.0/"));
        }
        Matcher cc = CREATIVE_COMMONS.matcher(key);
        if (cc.matches()) {
            String terms = cc.group(1);
            String version = cc.group(2);
            return Optional.of(new License("CC-" + terms + "-" + version, creativeCommonsName(terms, version),
                    "https://creativecommons.org/licenses/" + terms.toLowerCase(Locale.ROOT) + "/" + version + "/"));
        }
        License other = OTHERS.get(key);
        if (other == null && !key.endsWith("-ONLY") && OTHERS.containsKey(key + "-ONLY")) {
            other = OTHERS.get(key + "-ONLY");
        }
        return Optional.ofNullable(other);
    }

    /** Upper case, with every run of spaces, underscores and hyphens made one hyphen. */
    private static String key(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
    }

    private static String creativeCommonsName(String terms, String version) {
        StringBuilder name = new StringBuilder("Creative Commons Attribution");
        if (terms.contains("NC")) {
            name.append("-NonCommercial");
        }
        if (terms.endsWith("SA")) {
            name.append("-ShareAlike");
        }
        if (terms.endsWith("ND")) {
            name.append(version.equals("4.0") ? "-NoDerivatives" : "-NoDerivs");
        }
        String scope = switch (version) {
            case "4.0" -> "International";
            case "3.0" -> "Unported";
            default -> "Generic";
        };
        return name.append(' ').append(version).append(' ').append(scope).toString();
    }
}
