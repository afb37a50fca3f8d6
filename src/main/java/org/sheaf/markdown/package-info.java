/**
 * Markdown to HTML with flexmark-java, set up once per build to write what Jekyll's kramdown
 * (GFM input) writes, or what jekyll-commonmark writes with {@code markdown: CommonMark}:
 * kramdown's HTML blocks, emphasis, lists, math, attribute lists and heading ids, plus bounds
 * on nesting so no input overflows the stack.
 */
package org.sheaf.markdown;
