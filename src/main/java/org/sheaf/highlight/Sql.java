package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.BLOCK_COMMENT;
import static org.sheaf.highlight.TokenType.*;

/**
 * SQL as Rouge colours it: keywords in any case, column types as builtins, single-quoted
 * strings with {@code ''} as an escape, double-quoted and backquoted names as variables, and
 * every number an integer (so {@code 0.5} is {@code 0}, {@code .}, {@code 5}).
 */
final class Sql extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final String KEYWORDS = "ABORT|COMMENT|C|ADD|AFTER|ALL|ALTER|ANALYZE|AND|ANY|AS|ASC|AVG|BEFORE|BEGIN|BETWEEN|BY|CASCADE|CASE|CAST|CHECK|COLLATE|COLUMN|COMMIT|CONSTRAINT|COUNT|CREATE|CROSS|CURRENT_DATE|CURRENT_TIME|CURRENT_TIMESTAMP|DATABASE|DEFAULT|DEFERRABLE|DEFERRED|DELETE|DESC|DISTINCT|DROP|EACH|ELSE|END|ESCAPE|EXCEPT|EXCLUSIVE|EXISTS|EXPLAIN|FALSE|FOR|FOREIGN|FROM|FULL|GRANT|GROUP|HAVING|IGNORE|IMMEDIATE|IN|INDEX|INITIALLY|INNER|INSERT|INSTEAD|INTERSECT|INTO|IS|ISNULL|JOIN|KEY|LEFT|LIKE|LIMIT|MATCH|MAX|MIN|NATURAL|NO|NOT|NOTNULL|NULL|OF|OFFSET|ON|OR|ORDER|OUTER|PRIMARY|RECURSIVE|REFERENCES|REINDEX|RENAME|REPLACE|RESTRICT|REVOKE|RIGHT|ROLLBACK|ROW|SELECT|SET|SUM|TABLE|TEMP|TEMPORARY|THEN|TO|TRIGGER|TRUE|UNION|UNIQUE|UPDATE|USING|VACUUM|VALUES|VIEW|WHEN|WHERE|WITH|WITHOUT|PROCEDURE|FUNCTION|RETURNS|DECLARE|EXEC|EXECUTE|SCHEMA|LOWER|UPPER|PARTITION|ROWS|PRECEDING|FOLLOWING|WINDOW|LATERAL|ILIKE|SIMILAR|TRUNCATE|LENGTH|ABS";
    private static final String TYPES = "BIGINT|BINARY|BIT|BLOB|BOOLEAN|CHAR|CHARACTER|DATE|DATETIME|DECIMAL|DOUBLE|FLOAT|INT|INTEGER|NCHAR|NUMERIC|REAL|SERIAL|SMALLINT|TEXT|TIME|TIMESTAMP|TINYINT|VARBINARY|VARCHAR|YEAR";

    static {
        GRAMMAR.state("root")
                .rule("\\s+", TEXT)
                .rule("--.*", COMMENT_SINGLE)
                .rule(BLOCK_COMMENT, COMMENT_MULTILINE)
                .rule("\\d+", NUMBER_INTEGER)
                .rule("'", STRING_SINGLE, "single")
                .rule("\"(?:[^\"\\\\]++|\\\\.|\"\")*+\"", NAME_VARIABLE)
                .rule("`(?:[^`]++|``)*+`", NAME_VARIABLE)
                .rule("(?i)(?:" + KEYWORDS + ")\\b", KEYWORD)
                .rule("(?i)(?:" + TYPES + ")\\b", NAME_BUILTIN)
                .rule("[a-zA-Z_]\\w*", NAME)
                .rule("[+*/<>=~!@#%^&|?-]+", OPERATOR)
                .rule("[;:()\\[\\],.]+", PUNCTUATION);
        GRAMMAR.state("single")
                .rule("''", STRING_ESCAPE)
                .rule("[^']+", STRING_SINGLE)
                .rule("'", STRING_SINGLE, "#pop");
    }

    Sql() {
        super("sql");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
