package org.sheaf.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Licence text as writers give it, normalised to an SPDX id, a name and a URL. */
class LicensesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "CC-BY-SA-4.0       | CC-BY-SA-4.0    | Creative Commons Attribution-ShareAlike 4.0 International | https://creativecommons.org/licenses/by-sa/4.0/",
        "CC BY-SA 4.0       | CC-BY-SA-4.0    | Creative Commons Attribution-ShareAlike 4.0 International | https://creativecommons.org/licenses/by-sa/4.0/",
        "CC BY 4.0          | CC-BY-4.0       | Creative Commons Attribution 4.0 International | https://creativecommons.org/licenses/by/4.0/",
        "cc by 4.0 international | CC-BY-4.0  | Creative Commons Attribution 4.0 International | https://creativecommons.org/licenses/by/4.0/",
        "CC_BY_NC_SA_4.0    | CC-BY-NC-SA-4.0 | Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International | https://creativecommons.org/licenses/by-nc-sa/4.0/",
        "CC BY-NC-ND 4.0    | CC-BY-NC-ND-4.0 | Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International | https://creativecommons.org/licenses/by-nc-nd/4.0/",
        "CC-BY-ND-3.0       | CC-BY-ND-3.0    | Creative Commons Attribution-NoDerivs 3.0 Unported | https://creativecommons.org/licenses/by-nd/3.0/",
        "CC BY 2.5          | CC-BY-2.5       | Creative Commons Attribution 2.5 Generic | https://creativecommons.org/licenses/by/2.5/",
        "CC0-1.0            | CC0-1.0         | Creative Commons Zero v1.0 Universal | https://creativecommons.org/publicdomain/zero/1.0/",
        "CC0                | CC0-1.0         | Creative Commons Zero v1.0 Universal | https://creativecommons.org/publicdomain/zero/1.0/",
        "cc0 1.0 universal  | CC0-1.0         | Creative Commons Zero v1.0 Universal | https://creativecommons.org/publicdomain/zero/1.0/",
        "MIT                | MIT             | MIT License | https://opensource.org/licenses/MIT",
        "apache-2.0         | Apache-2.0      | Apache License 2.0 | https://www.apache.org/licenses/LICENSE-2.0",
        "GPL-3.0            | GPL-3.0-only    | GNU General Public License v3.0 only | https://www.gnu.org/licenses/gpl-3.0.html",
        "ODbL-1.0           | ODbL-1.0        | Open Data Commons Open Database License v1.0 | https://opendatacommons.org/licenses/odbl/1-0/",
    })
    void normalisesSpdxIdsAndCreativeCommonsShortForms(String text, String spdx, String name, String url) {
        assertEquals(Optional.of(new License(spdx, name, url)), Licenses.parse(text));
    }

    @ParameterizedTest(name = "{0} is unknown")
    @CsvSource({"All rights reserved", "CC BY 5.0", "CC-SA-4.0", "''", "GPL"})
    void knowsNoLicenceForOtherText(String text) {
        assertEquals(Optional.empty(), Licenses.parse(text));
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({"CC-BY-SA-4.0, CC BY-SA 4.0", "CC0-1.0, CC0 1.0", "MIT, MIT", "CC-BY-NC-ND-3.0, CC BY-NC-ND 3.0"})
    void shortNamesAreWhatCreditLinesShow(String spdx, String shortName) {
        assertEquals(shortName, Licenses.parse(spdx).orElseThrow().shortName());
    }
}
