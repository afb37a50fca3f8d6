package org.sheaf.template;

import freemarker.template.AdapterTemplateModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.sheaf.jekyll.RubyDate;
import org.sheaf.jekyll.WideTime;

/**
 * Wraps the template model for Freemarker: maps, lists, text, numbers and booleans as
 * Freemarker's adapters do, {@link ZonedDateTime} and {@link RubyDate} as dates, a {@link WideTime} as its text
 * that the date functions read as a time, and anything else as its text, so
 * no template can reach a Java object's methods.
 */
final class SheafObjectWrapper extends DefaultObjectWrapper {
    private final ZoneId zone;

    SheafObjectWrapper(ZoneId zone) {
        super(builder(), true);
        this.zone = zone;
    }

    private static DefaultObjectWrapperBuilder builder() {
        DefaultObjectWrapperBuilder builder = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        builder.setUseAdaptersForContainers(true);
        builder.setExposeFields(false);
        return builder;
    }

    @Override
    protected TemplateModel handleUnknownType(Object object) throws TemplateModelException {
        if (object instanceof ZonedDateTime date) {
            return new ZonedDateModel(date);
        }
        if (object instanceof RubyDate day) {
            // a YAML date without a time: midnight in the site's zone, as Jekyll's date filters read it
            return new ZonedDateModel(day.atStartOfDay(zone));
        }
        if (object instanceof WideTime time) {
            return new WideTimeModel(time);
        }
        return new SimpleScalar(object.toString());
    }

    /**
     * A time Java's times cannot hold (a document's date in a year past Java's, or from 5,881,581
     * on): its Ruby text, as Liquid prints it, and the time for the date functions.
     */
    record WideTimeModel(WideTime value) implements TemplateScalarModel, AdapterTemplateModel {
        @Override
        public String getAsString() {
            return value.toString();
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return value;
        }
    }

    /** A date that remembers its zone, so helpers such as {@code date_to_xmlschema} print the offset it was written with. */
    record ZonedDateModel(ZonedDateTime value) implements TemplateDateModel, AdapterTemplateModel {
        @Override
        public Date getAsDate() {
            return Date.from(value.toInstant());
        }

        @Override
        public int getDateType() {
            return DATETIME;
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return value;
        }
    }
}
