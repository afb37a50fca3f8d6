/**
 * The content model: pages, posts and collection documents with their URLs (permalinks), dates,
 * front-matter defaults, excerpts, tags and categories, gathered into the immutable {@link
 * org.sheaf.content.ContentIndex}; the Jekyll rules for slugs and filters that both template
 * engines share.
 */
package org.sheaf.content;
