package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * The parsing half of flexmark's {@link TablesExtension}, its table pre-processor asked only
 * about paragraphs that hold a pipe. flexmark's answers none for a paragraph whose first line has
 * no pipe, yet it makes its pre-processor (compiling its separator pattern) for every document
 * and reads every paragraph through its sequences: a twentieth of all Markdown time on pages
 * with no table. It stands where {@link TablesExtension} stood among the parser's extensions,
 * with the same dependencies, so the pre-processors run in the same order.
 */
final class PipeTables implements Parser.ParserExtension {
    private PipeTables() {
    }

    static PipeTables create() {
        return new PipeTables();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // TablesExtension sets none
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.paragraphPreProcessorFactory(new Factory(TableParagraphPreProcessor.Factory()));
    }

    private static final class Factory implements ParagraphPreProcessorFactory {
        private final ParagraphPreProcessorFactory flexmark;

        Factory(ParagraphPreProcessorFactory flexmark) {
            this.flexmark = flexmark;
        }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            return new ParagraphPreProcessor() {
                private final PipeSearch pipes = new PipeSearch();
                /** flexmark's pre-processor for this document, made at its first paragraph with a pipe. */
                private ParagraphPreProcessor tables;

                @Override
                public int preProcessBlock(Paragraph paragraph, ParserState state) {
                    if (!pipes.in(paragraph.getChars())) {
                        return 0;
                    }
                    if (tables == null) {
                        tables = flexmark.apply(state);
                    }
                    return tables.preProcessBlock(paragraph, state);
                }
            };
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return flexmark.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return flexmark.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return flexmark.affectsGlobalScope();
        }
    }
}
