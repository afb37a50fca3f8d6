/**
 * Jekyll's and Ruby's rules as pure functions, each written once: HTML escaping, slugs, post
 * file names, dates as Ruby parses and prints them, strftime, Ruby's {@code inspect}, excerpts, the
 * {@code repository:} value, relative links between source files, and Jekyll's filters
 * ({@code relative_url}, {@code xml_escape}, {@code date_to_xmlschema}, ...) that both template
 * engines share.
 *
 * <p>This package is at the bottom of the graph: it imports no other sheaf package but
 * {@code diag}, and every package may use it. Its functions hold no state and are thread-safe.
 */
package org.sheaf.jekyll;
