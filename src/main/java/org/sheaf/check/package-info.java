/**
 * Checks of a built site: internal links and anchors, optionally external links, and
 * accessibility faults, each traced back to the source line that wrote it.
 */
package org.sheaf.check;
