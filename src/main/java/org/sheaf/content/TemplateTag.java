package org.sheaf.content;

/**
 * Markup a plugin adds to both template engines under one name: the Liquid tag
 * {@code {% seo %}} and the Freemarker function {@code seo()} call the same body, so a Liquid
 * layout and a Freemarker layout print the same HTML.
 *
 * @param name what templates call it ({@code seo}, {@code chart})
 * @param body what it prints for one call
 */
public record TemplateTag(String name, Body body) {
    /** What a tag prints for one call. */
    @FunctionalInterface
    public interface Body {
        /**
         * The HTML markup to insert where the tag was called.
         *
         * @throws IllegalArgumentException for a writer's mistake in the call's arguments; the
         *                                  engine reports it at the call, with this message
         */
        String render(TagCall call);
    }

    /** The HTML markup for one call; see {@link Body#render}. */
    public String render(TagCall call) {
        return body.render(call);
    }
}
