package org.sheaf.template;

import java.util.Map;
import org.sheaf.diag.DiagnosticException;

/** Renders one layout with the variables of one page. Implementations are thread-safe. */
@FunctionalInterface
public interface LayoutEngine {
    /**
     * @param layout    the layout to render
     * @param variables {@code site}, {@code page}, {@code layout}, {@code content}, {@code paginator}
     * @return the layout's output, which becomes {@code content} for its parent
     * @throws DiagnosticException positioned in the layout (or an include it uses)
     */
    String render(Layout layout, Map<String, Object> variables) throws DiagnosticException;
}
