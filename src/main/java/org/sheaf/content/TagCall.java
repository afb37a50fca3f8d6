package org.sheaf.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call of a {@link TemplateTag}, as either engine hands it over: the template's variables
 * and what the call passed.
 *
 * @param page      the template's {@code page}; empty when it has none
 * @param site      the template's {@code site}; empty when it has none
 * @param paginator the template's {@code paginator}; empty on a page that is not paginated
 * @param markup    the call's text as written ({@code {% seo title=false %}} gives
 *                  {@code title=false}, {@code license_link("CC-BY-4.0")} gives {@code CC-BY-4.0});
 *                  "" when it has none
 * @param arguments the call's named arguments, values resolved: Liquid's {@code key=value}
 *                  pairs, or the hash a Freemarker call passes ({@code chart({"data": ...})});
 *                  a value is null when it names an undefined variable
 */
public record TagCall(Map<?, ?> page, Map<?, ?> site, Map<?, ?> paginator, String markup,
        Map<String, Object> arguments) {
    public TagCall {
        page = page == null ? Map.of() : page;
        site = site == null ? Map.of() : site;
        paginator = paginator == null ? Map.of() : paginator;
        markup = markup == null ? "" : markup;
        // a value may be null (an undefined variable), which Map.copyOf refuses
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** A template variable as a map: itself when it is one, else empty (absent, or not a map). */
    public static Map<?, ?> variable(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }
}
