package org.sheaf.template;

import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.sheaf.content.TagCall;
import org.sheaf.content.TemplateTag;
import org.sheaf.jekyll.Html;
import org.sheaf.jekyll.JekyllFilters;
import org.sheaf.jekyll.RubyTime;
import org.sheaf.jekyll.Slugs;
import org.sheaf.jekyll.Strftime;
import org.sheaf.jekyll.WideTime;

/**
 * Jekyll's filters as Freemarker functions ({@code relative_url(page.url)}), computed by the same
 * code the Liquid filters use ({@link JekyllFilters}), so both engines agree.
 *
 * @param baseurl     the site's {@code baseurl}
 * @param url         the site's {@code url}
 * @param zone        the site's time zone
 * @param markdownify Markdown to HTML, with the site's Markdown settings
 * @param tags        functions added by plugins ({@code seo()}, {@code feed_meta()}): each is called
 *                    with the template's {@code page}, {@code site} and {@code paginator}, and its
 *                    optional text argument as the markup or its hash argument
 *                    ({@code chart({"data": page.figures, ...})}), unwrapped, as the named
 *                    arguments, and returns HTML markup; an {@link IllegalArgumentException} it
 *                    throws is a template error at the call
 */
public record TemplateFunctions(String baseurl, String url, ZoneId zone, UnaryOperator<String> markdownify,
                                List<TemplateTag> tags) {
    public TemplateFunctions {
        tags = List.copyOf(tags);
    }

    /** Functions without plugin additions. */
    public TemplateFunctions(String baseurl, String url, ZoneId zone, UnaryOperator<String> markdownify) {
        this(baseurl, url, zone, markdownify, List.of());
    }

    /** Every function by the name templates call it. */
    Map<String, TemplateMethodModelEx> all() {
        Map<String, TemplateMethodModelEx> functions = new LinkedHashMap<>();
        functions.put("relative_url", args -> JekyllFilters.relativeUrl(baseurl, text(args, 0)));
        functions.put("absolute_url", args -> JekyllFilters.absoluteUrl(url, baseurl, text(args, 0)));
        // a document's date of a year Java's times cannot hold is a WideTime, moved into the
        // site's zone by the date_to_ functions, formatted where it is by date, as in Liquid
        functions.put("date_to_xmlschema", args -> adapted(args, 0) instanceof WideTime wide
                ? JekyllFilters.dateToXmlschema(local(wide)) : JekyllFilters.dateToXmlschema(date(args, 0)));
        functions.put("date_to_rfc822", args -> adapted(args, 0) instanceof WideTime wide
                ? JekyllFilters.dateToRfc822(local(wide)) : JekyllFilters.dateToRfc822(date(args, 0)));
        functions.put("date_to_string", args -> adapted(args, 0) instanceof WideTime wide
                ? JekyllFilters.dateToString(local(wide), optional(args, 1), optional(args, 2))
                : JekyllFilters.dateToString(date(args, 0), optional(args, 1), optional(args, 2)));
        functions.put("date_to_long_string", args -> adapted(args, 0) instanceof WideTime wide
                ? JekyllFilters.dateToLongString(local(wide), optional(args, 1), optional(args, 2))
                : JekyllFilters.dateToLongString(date(args, 0), optional(args, 1), optional(args, 2)));
        functions.put("date", args -> adapted(args, 0) instanceof WideTime wide ? wide.format(text(args, 1))
                : Strftime.format(text(args, 1), date(args, 0)));
        functions.put("markdownify", args -> HTMLOutputFormat.INSTANCE.fromMarkup(markdownify.apply(text(args, 0))));
        functions.put("slugify", args -> Slugs.slugify(text(args, 0), optional(args, 1), false));
        functions.put("jsonify", args -> JekyllFilters.jsonify(value(args, 0)));
        functions.put("xml_escape", args -> Html.xmlEscape(text(args, 0)));
        functions.put("cgi_escape", args -> JekyllFilters.cgiEscape(text(args, 0)));
        functions.put("uri_escape", args -> JekyllFilters.uriEscape(text(args, 0)));
        functions.put("number_of_words", args -> JekyllFilters.numberOfWords(text(args, 0), optional(args, 1)));
        functions.put("normalize_whitespace", args -> JekyllFilters.normalizeWhitespace(text(args, 0)));
        tags.forEach(tag -> functions.put(tag.name(), args -> {
            Environment environment = Environment.getCurrentEnvironment();
            boolean named = !args.isEmpty() && args.get(0) instanceof TemplateHashModelEx;
            Map<String, Object> arguments = new LinkedHashMap<>();
            if (named) {
                TagCall.variable(DeepUnwrap.unwrap((TemplateModel) args.get(0)))
                        .forEach((key, value) -> arguments.put(String.valueOf(key), value));
            }
            TagCall call = new TagCall(variable(environment, "page"), variable(environment, "site"),
                    variable(environment, "paginator"), args.isEmpty() || named ? "" : text(args, 0), arguments);
            try {
                return HTMLOutputFormat.INSTANCE.fromMarkup(tag.render(call));
            } catch (IllegalArgumentException e) {
                throw new TemplateModelException(e.getMessage());
            }
        }));
        return functions;
    }

    /** A template variable, unwrapped, as a map; empty when undefined or not a map. */
    private static Map<?, ?> variable(Environment environment, String name) throws TemplateModelException {
        TemplateModel model = environment.getVariable(name);
        return TagCall.variable(model == null ? null : DeepUnwrap.unwrap(model));
    }

    private static String text(List<?> args, int index) throws TemplateModelException {
        if (args.size() <= index) {
            throw new TemplateModelException("missing argument " + (index + 1));
        }
        Object arg = args.get(index);
        if (arg instanceof TemplateScalarModel scalar) {
            return scalar.getAsString();
        }
        if (arg instanceof TemplateHTMLOutputModel html) {
            return HTMLOutputFormat.INSTANCE.getMarkupString(html);
        }
        Object value = DeepUnwrap.unwrap((TemplateModel) arg);
        return value == null ? "" : value.toString();
    }

    private static String optional(List<?> args, int index) throws TemplateModelException {
        return args.size() > index ? text(args, index) : null;
    }

    /** The Java object the argument wraps; null for an argument that wraps none, or is missing. */
    private static Object adapted(List<?> args, int index) {
        return args.size() > index && args.get(index) instanceof AdapterTemplateModel adapter
                ? adapter.getAdaptedObject(Object.class) : null;
    }

    /** {@code time} in the site's zone, a {@link WideTime} still where Java's times cannot hold it there. */
    private WideTime local(WideTime time) {
        Object local = RubyTime.inZone(time, zone).orElseThrow();
        return local instanceof ZonedDateTime zoned
                ? WideTime.atOffset(zoned.toLocalDateTime(), zoned.getOffset().getTotalSeconds()) : (WideTime) local;
    }

    private ZonedDateTime date(List<?> args, int index) throws TemplateModelException {
        if (args.size() <= index) {
            throw new TemplateModelException("missing argument " + (index + 1));
        }
        Object arg = args.get(index);
        if (arg instanceof AdapterTemplateModel adapter && adapter.getAdaptedObject(ZonedDateTime.class) instanceof ZonedDateTime date) {
            return date;
        }
        if (arg instanceof TemplateDateModel date) {
            return date.getAsDate().toInstant().atZone(zone);
        }
        throw new TemplateModelException("argument " + (index + 1) + " is not a date");
    }

    private static Object value(List<?> args, int index) throws TemplateModelException {
        if (args.size() <= index) {
            throw new TemplateModelException("missing argument " + (index + 1));
        }
        return DeepUnwrap.unwrap((TemplateModel) args.get(index));
    }
}
