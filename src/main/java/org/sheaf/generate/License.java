package org.sheaf.generate;

/**
 * A licence as a machine reads it: its SPDX identifier, its full name and where its text is.
 *
 * @param spdx the SPDX identifier ({@code CC-BY-SA-4.0}, {@code MIT})
 * @param name the licence's full name ({@code Creative Commons Attribution-ShareAlike 4.0 International})
 * @param url  the licence's canonical text ({@code https://creativecommons.org/licenses/by-sa/4.0/})
 */
public record License(String spdx, String name, String url) {

    /** The short form people write in credits: {@code CC BY-SA 4.0}, {@code CC0 1.0}, {@code MIT}. */
    public String shortName() {
        if (spdx.equals("CC0-1.0")) {
            return "CC0 1.0";
        }
        if (spdx.startsWith("CC-")) {
            int version = spdx.lastIndexOf('-');
            return "CC " + spdx.substring(3, version) + " " + spdx.substring(version + 1);
        }
        return spdx;
    }
}
