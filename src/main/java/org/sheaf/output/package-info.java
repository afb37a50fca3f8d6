/**
 * Writing a built site: the {@link org.sheaf.output.OutputPlan} of every output path and who
 * claims it (collisions and reserved paths are diagnostics), the sinks that write it (a folder,
 * swapped in atomically under a lock; a folder updated file by file where bytes changed; memory,
 * for tests, the dev server and {@code sheaf check}), and the guard that refuses destinations sheaf
 * must not replace.
 */
package org.sheaf.output;
