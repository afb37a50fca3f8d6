/**
 * Layouts: loading and chaining them ({@code layout:} in a layout's own front matter), and the
 * two engines that render them, Freemarker ({@code .ftlh}, for sheaf sites) and Liquid (for
 * Jekyll sites).
 */
package org.sheaf.template;
