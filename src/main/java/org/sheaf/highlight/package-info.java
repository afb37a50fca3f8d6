/**
 * Syntax highlighting as Rouge, Jekyll's highlighter, writes it: code split into tokens by a
 * lexer per language and written as {@code <span class="k">} and the other short class names a
 * Rouge stylesheet colours. Each language is a small state machine of regular expressions
 * ({@code Grammar}); a language sheaf does not know is written as plain text,
 * as Rouge writes one it does not know.
 */
package org.sheaf.highlight;
