package org.sheaf.highlight;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes code as Rouge's HTML formatter does: each token in a {@code <span>} with Rouge's short
 * class name ({@code k} for a keyword, {@code s2} for a double-quoted string, ...), plain text
 * without one, and {@code &}, {@code <} and {@code >} escaped. A language is found by Rouge's
 * name or alias for it ({@code js}, {@code sh}, {@code yml}); an option suffix
 * ({@code console?lang=ruby}) is ignored in the lookup. Stateless and thread-safe.
 */
public final class Highlighter {
    private static final Map<String, Language> LANGUAGES = new HashMap<>();
    /** Every name and alias Rouge 3.30 knows, each to the language's own name ({@code hs} to {@code haskell}). */
    private static final Map<String, String> ROUGE_NAMES = rougeNames();

    static {
        for (Language language : List.of(new PlainText(), new Ruby(), new JavaScript(), new TypeScript(), new Php(), new Rust(), new Erb(), new Kotlin(), new Swift(), new Html(), new Css(),
                new Scss(), new Shell(), new Console(), new Yaml(), new Json(), new Python(), new Java(), new C(),
                new Cpp(), new Go(), new Diff(), new Xml(), new Sql(), new Liquid(), new Markdown())) {
            LANGUAGES.put(language.name(), language);
            language.aliases().forEach(alias -> LANGUAGES.put(alias, language));
        }
    }

    private Highlighter() {
    }

    /**
     * The name with which code asks Rouge to tell its language from the code itself; only Rouge
     * can, so such code goes to Rouge ({@link Highlighting}).
     */
    static final String GUESS = "guess";

    /**
     * Whether Rouge knows the language by this name or alias (case matters, as it does to Rouge),
     * or is asked to guess it. kramdown writes code in a language Rouge does not know without
     * Rouge's wrapper.
     */
    public static boolean knows(String language) {
        String name = baseName(language);
        return name.equals(GUESS) || ROUGE_NAMES.containsKey(name);
    }

    /** Rouge's own name for a language it knows by this name or alias ({@code hs} is {@code haskell}), options left off. */
    static String rougeName(String language) {
        return ROUGE_NAMES.getOrDefault(baseName(language), baseName(language));
    }

    /**
     * Rouge's HTML for the code: the tokens of the language named, or the code as plain text when
     * sheaf has no lexer for the language (as Rouge writes a language it does not know).
     */
    public static String html(String language, String code) {
        Language plain = LANGUAGES.get("plaintext");
        Language lexer = lexer(language);
        try {
            return format((lexer == null ? plain : lexer).lex(code));
        } catch (StackOverflowError e) {
            // a pathological line (tens of thousands of escapes in one string) is written uncoloured
            // rather than failing the page: colour is decoration, the code itself must be there
            return format(plain.lex(code));
        }
    }

    /** Whether sheaf colours the language named; other languages are written as plain text. */
    public static boolean colours(String language) {
        Language lexer = lexer(language);
        return lexer != null && !lexer.name().equals("plaintext");
    }

    /** The lexer for a language sheaf colours, or null (for no language too). */
    static Language lexer(String language) {
        return language == null ? null : LANGUAGES.get(baseName(language));
    }

    /** The language's name without Rouge's options ({@code console?lang=ruby} is {@code console}). */
    static String baseName(String language) {
        int options = language.indexOf('?');
        return options < 0 ? language : language.substring(0, options);
    }

    private static String format(Tokens tokens) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            TokenType type = tokens.type(i);
            if (type == TokenType.TEXT) {
                html.append(org.sheaf.jekyll.Html.escapeText(tokens.value(i)));
            } else {
                html.append("<span class=\"").append(type.shortName()).append("\">")
                        .append(org.sheaf.jekyll.Html.escapeText(tokens.value(i))).append("</span>");
            }
        }
        return html.toString();
    }

    private static Map<String, String> rougeNames() {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = Highlighter.class.getResourceAsStream("rouge-languages.txt")) {
            if (in == null) {
                throw new IllegalStateException("rouge-languages.txt is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] words = line.strip().split(" ");
                    for (String word : words) {
                        names.put(word, words[0]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}
