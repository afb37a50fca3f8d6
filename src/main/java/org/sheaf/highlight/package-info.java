/**
 * Syntax highlighting as Rouge, Jekyll's highlighter, writes it: code split into tokens by a
 * lexer per language and written as {@code <span class="k">} and the other short class names a
 * Rouge stylesheet colours. Each language is a small state machine of regular expressions
 * ({@code Grammar}). A language Rouge knows that sheaf has no lexer for is coloured by Rouge
 * itself, in one Ruby process a build ({@link org.sheaf.highlight.Highlighting}), or written as
 * plain text where Rouge is not installed; a language Rouge does not know is plain text, as Rouge
 * writes it.
 */
package org.sheaf.highlight;
