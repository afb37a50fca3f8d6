/**
 * Liquid through Liqp with Jekyll's flavour: Jekyll's tags and filters, include resolution
 * confined to the site (and the theme), Ruby Liquid's lax reading of text the strict grammar
 * refuses ({@code liquid: error_mode}), render time limits, and Liquid errors as positioned
 * diagnostics in a writer's words.
 */
package org.sheaf.liquid;
