package org.sheaf.output;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Decides whether a proposed output path stays inside the destination, and normalises it.
 *
 * <p>The rules, in the order they are tried (the first that applies decides):
 * <ol>
 *   <li>an empty path, or one with a control character (NUL included), is unusable;</li>
 *   <li>an absolute path ({@code /x}, {@code //host/x}) or one starting with a Windows drive
 *       ({@code C:x}) is outside the destination;</li>
 *   <li>a backslash is refused: on Windows it is a separator, so {@code ..\x} would escape;</li>
 *   <li>empty segments ({@code a//b}, a trailing {@code /}) are refused rather than guessed at;</li>
 *   <li>{@code .} segments are dropped and {@code ..} removes the segment before it; a
 *       {@code ..} with nothing left to remove is outside the destination, and a path that
 *       normalises to nothing names the destination itself;</li>
 *   <li>the path is percent-decoded (repeatedly, as a chain of servers might) and each decoded
 *       form must pass the same rules with no dot segment left at all: a web server decodes
 *       {@code %2e%2e} to {@code ..}, so a file on disk could otherwise be served as a different
 *       URL than the one it was written for.</li>
 * </ol>
 */
final class OutputPaths {
    static final String OUTSIDE = "is outside the destination";

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    private static final int MAX_DECODING_ROUNDS = 3;

    private OutputPaths() {
    }

    /** The normalised path, or the reason it is refused (the end of a diagnostic message). */
    record Verdict(String path, String refusal) {
        boolean safe() {
            return refusal == null;
        }
    }

    static Verdict check(String raw) {
        Verdict verdict = checkOne(raw, false);
        if (!verdict.safe()) {
            return verdict;
        }
        String decoded = raw;
        for (int round = 0; round < MAX_DECODING_ROUNDS; round++) {
            String next = percentDecoded(decoded);
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
            Verdict hidden = checkOne(decoded, true);
            if (!hidden.safe()) {
                return hidden;
            }
        }
        return verdict;
    }

    private static Verdict checkOne(String raw, boolean decoded) {
        if (raw.isEmpty()) {
            return refused("is empty");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return refused("is not a safe file path: it contains a control character");
            }
        }
        if (raw.startsWith("/") || DRIVE.matcher(raw).matches()) {
            return refused(OUTSIDE);
        }
        if (raw.indexOf('\\') >= 0) {
            return refused("is not a safe file path: it contains a backslash");
        }
        Deque<String> kept = new ArrayDeque<>();
        String hidden = null;
        for (String segment : raw.split("/", -1)) {
            if (segment.isEmpty()) {
                return refused("is not a safe file path: it has an empty segment");
            }
            if (segment.equals("..")) {
                if (kept.isEmpty()) {
                    return refused(OUTSIDE);
                }
                kept.removeLast();
            } else if (!segment.equals(".")) {
                kept.addLast(segment);
            }
            if (decoded && hidden == null && (segment.equals(".") || segment.equals(".."))) {
                hidden = segment;
            }
        }
        if (hidden != null) {
            return refused("is not a safe file path: it hides \"" + hidden + "\" in percent-encoding");
        }
        if (kept.isEmpty()) {
            return refused("is not a safe file path: it names the destination itself");
        }
        return new Verdict(String.join("/", kept), null);
    }

    private static Verdict refused(String why) {
        return new Verdict(null, why);
    }

    /** Decodes {@code %XX} escapes of single bytes as Latin-1; a malformed escape is left as it is. */
    private static String percentDecoded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.append((char) (hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** The path as shown in a message: quoted, with control characters spelled out. */
    static String quoted(String path) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
