package org.sheaf.markdown;

/**
 * A heading of rendered Markdown that has an id, as a table of contents links to it.
 *
 * @param level 1 for {@code h1} to 6 for {@code h6}
 * @param id    its {@code id} attribute, as written
 * @param text  its text as a browser shows it: tags dropped, entities decoded, white space collapsed
 */
public record SectionHeading(int level, String id, String text) {
}
