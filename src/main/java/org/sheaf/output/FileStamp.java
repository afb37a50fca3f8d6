package org.sheaf.output;

import java.io.Serializable;

/**
 * A destination file as the last build wrote or checked it: its absolute path, size and
 * modification time then, and the source it came from. {@link ChangedFileSink} trusts a file
 * whose size and time are unchanged to still hold those bytes.
 */
public record FileStamp(String target, long size, long modified, String origin) implements Serializable {
    private static final long serialVersionUID = 1L;
}
