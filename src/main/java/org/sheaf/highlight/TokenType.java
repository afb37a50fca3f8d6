package org.sheaf.highlight;

/**
 * The kinds of token a lexer finds, each with the short class name Rouge's HTML formatter writes
 * for it (the names Pygments stylesheets use). {@link #TEXT} is written without a span.
 */
public enum TokenType {
    TEXT(""),
    WHITESPACE("w"),
    ERROR("err"),
    OTHER("x"),
    KEYWORD("k"),
    KEYWORD_CONSTANT("kc"),
    KEYWORD_DECLARATION("kd"),
    KEYWORD_NAMESPACE("kn"),
    KEYWORD_PSEUDO("kp"),
    KEYWORD_RESERVED("kr"),
    KEYWORD_TYPE("kt"),
    KEYWORD_VARIABLE("kv"),
    NAME("n"),
    NAME_ATTRIBUTE("na"),
    NAME_BUILTIN("nb"),
    NAME_BUILTIN_PSEUDO("bp"),
    NAME_CLASS("nc"),
    NAME_CONSTANT("no"),
    NAME_DECORATOR("nd"),
    NAME_ENTITY("ni"),
    NAME_EXCEPTION("ne"),
    NAME_FUNCTION("nf"),
    NAME_FUNCTION_MAGIC("fm"),
    NAME_PROPERTY("py"),
    NAME_LABEL("nl"),
    NAME_NAMESPACE("nn"),
    NAME_OTHER("nx"),
    NAME_TAG("nt"),
    NAME_VARIABLE("nv"),
    NAME_VARIABLE_CLASS("vc"),
    NAME_VARIABLE_GLOBAL("vg"),
    NAME_VARIABLE_INSTANCE("vi"),
    NAME_VARIABLE_MAGIC("vm"),
    LITERAL("l"),
    LITERAL_DATE("ld"),
    STRING("s"),
    STRING_AFFIX("sa"),
    STRING_BACKTICK("sb"),
    STRING_CHAR("sc"),
    STRING_DELIMITER("dl"),
    STRING_DOC("sd"),
    STRING_DOUBLE("s2"),
    STRING_ESCAPE("se"),
    STRING_HEREDOC("sh"),
    STRING_INTERPOL("si"),
    STRING_OTHER("sx"),
    STRING_REGEX("sr"),
    STRING_SINGLE("s1"),
    STRING_SYMBOL("ss"),
    NUMBER("m"),
    NUMBER_BIN("mb"),
    NUMBER_FLOAT("mf"),
    NUMBER_HEX("mh"),
    NUMBER_INTEGER("mi"),
    NUMBER_INTEGER_LONG("il"),
    NUMBER_OCT("mo"),
    NUMBER_OTHER("mx"),
    OPERATOR("o"),
    OPERATOR_WORD("ow"),
    PUNCTUATION("p"),
    PUNCTUATION_INDICATOR("pi"),
    COMMENT("c"),
    COMMENT_DOC("cd"),
    COMMENT_HASHBANG("ch"),
    COMMENT_MULTILINE("cm"),
    COMMENT_PREPROC("cp"),
    COMMENT_PREPROC_FILE("cpf"),
    COMMENT_SINGLE("c1"),
    COMMENT_SPECIAL("cs"),
    GENERIC("g"),
    GENERIC_DELETED("gd"),
    GENERIC_EMPH("ge"),
    GENERIC_ERROR("gr"),
    GENERIC_HEADING("gh"),
    GENERIC_INSERTED("gi"),
    GENERIC_LINENO("gl"),
    GENERIC_OUTPUT("go"),
    GENERIC_PROMPT("gp"),
    GENERIC_STRONG("gs"),
    GENERIC_SUBHEADING("gu"),
    GENERIC_TRACEBACK("gt");

    private final String shortName;

    TokenType(String shortName) {
        this.shortName = shortName;
    }

    /** The class Rouge writes on this token's span; empty for {@link #TEXT}, which gets none. */
    public String shortName() {
        return shortName;
    }
}
