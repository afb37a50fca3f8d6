package org.sheaf.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON written the way Python's {@code json.dumps(value, sort_keys=True)} writes it, so JSON-LD
 * compares as data: keys sorted, {@code ", "} and {@code ": "} between items, non-ASCII escaped.
 * Numbers keep their source spelling.
 */
final class JsonCanon {
    private final String text;
    private int at;

    private JsonCanon(String text) {
        this.text = text;
    }

    /** The canonical form of {@code json}; throws {@link IllegalArgumentException} when it is not JSON. */
    static String canonical(String json) {
        JsonCanon reader = new JsonCanon(json);
        Object value = reader.value();
        reader.space();
        if (reader.at != json.length()) {
            throw reader.error();
        }
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private record Number(String spelling) {
    }

    private Object value() {
        space();
        if (at >= text.length()) {
            throw error();
        }
        char c = text.charAt(at);
        if (c == '{') {
            at++;
            Map<String, Object> map = new TreeMap<>();
            space();
            if (peek('}')) {
                return map;
            }
            do {
                space();
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
            } while (take(','));
            expect('}');
            return map;
        }
        if (c == '[') {
            at++;
            List<Object> list = new ArrayList<>();
            space();
            if (peek(']')) {
                return list;
            }
            do {
                list.add(value());
                space();
            } while (take(','));
            expect(']');
            return list;
        }
        if (c == '"') {
            return string();
        }
        for (String word : List.of("true", "false", "null")) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return new Number(word);
            }
        }
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (start == at) {
            throw error();
        }
        return new Number(text.substring(start, at));
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (at < text.length() && text.charAt(at) != '"') {
            char c = text.charAt(at++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw error();
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error();
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(e);
            }
        }
        expect('"');
        return out.toString();
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean peek(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private boolean take(char c) {
        return peek(c);
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error();
        }
    }

    private IllegalArgumentException error() {
        return new IllegalArgumentException("not JSON at " + at);
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            String sep = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(sep);
                writeString((String) entry.getKey(), out);
                out.append(": ");
                write(entry.getValue(), out);
                sep = ", ";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String sep = "";
            for (Object item : list) {
                out.append(sep);
                write(item, out);
                sep = ", ";
            }
            out.append(']');
        } else if (value instanceof String s) {
            writeString(s, out);
        } else {
            out.append(((Number) value).spelling());
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
