/**
 * The content model: pages, posts and collection documents with their URLs (permalinks), dates,
 * front-matter defaults, excerpts, tags and categories, gathered into the immutable {@link
 * org.sheaf.content.ContentIndex}.
 */
package org.sheaf.content;
