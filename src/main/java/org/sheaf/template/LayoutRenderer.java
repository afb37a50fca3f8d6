package org.sheaf.template;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sheaf.config.ConfigLoader;
import org.sheaf.content.Page;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Position;

/**
 * Wraps a page's content in its layout, then in that layout's parent, and so on, as Jekyll
 * chains layouts. Each layout is rendered by the engine its extension names, so Freemarker and
 * Liquid layouts can be mixed in one chain. Thread-safe.
 */
public final class LayoutRenderer {
    private final Map<String, Layout> layouts;
    private final Map<Layout.Engine, LayoutEngine> engines;

    /**
     * @param layouts every layout of the site, by name
     * @param engines the engine for each kind of layout
     */
    public LayoutRenderer(Map<String, Layout> layouts, Map<Layout.Engine, LayoutEngine> engines) {
        this.layouts = new TreeMap<>(layouts);
        this.engines = new EnumMap<>(engines);
    }

    /**
     * The chain of layouts a page is rendered through, innermost first; checked for missing
     * layouts and cycles before any page renders.
     *
     * @throws DiagnosticException naming the missing layout (with the ones that exist) or the cycle
     */
    public List<Layout> chain(Page page) throws DiagnosticException {
        List<Layout> chain = new ArrayList<>();
        String name = page.layout();
        String requestedIn = page.sitePath();
        Position requestedAt = page.positionOf("layout");
        while (name != null) {
            Layout layout = layouts.get(name);
            if (layout == null) {
                throw new DiagnosticException(Diagnostic.error(requestedIn, requestedAt, "layout \"" + name + "\" not found")
                        .withHint("layouts available: " + String.join(", ", layouts.keySet())));
            }
            if (chain.contains(layout)) {
                List<String> names = new ArrayList<>(chain.stream().map(Layout::name).toList());
                names.add(name);
                List<String> cycle = names.subList(names.indexOf(name), names.size());
                throw new DiagnosticException(Diagnostic.error(layout.sitePath(), new Position(1, 1),
                        "layouts form a cycle: " + String.join(" -> ", cycle)));
            }
            chain.add(layout);
            requestedIn = layout.sitePath();
            requestedAt = layout.positionOf("layout");
            name = layout.parent();
        }
        return chain;
    }

    /**
     * Renders {@code content} through the page's layout chain.
     *
     * @param site  the {@code site} variable
     * @param extra further variables ({@code paginator}), may be empty
     * @throws DiagnosticException from the layout that failed, with an {@code in:} note naming the page
     */
    public String render(Page page, String content, Map<String, Object> site, Map<String, Object> extra)
            throws DiagnosticException {
        String output = content;
        Map<String, Object> layoutData = new LinkedHashMap<>();
        for (Layout layout : chain(page)) {
            Map<String, Object> merged = new LinkedHashMap<>(layout.frontMatter());
            ConfigLoader.deepMerge(merged, layoutData);
            layoutData = merged;
            Map<String, Object> variables = new LinkedHashMap<>(extra);
            variables.put("site", site);
            // Jekyll hands a page's layouts the page as it was before rendering, a document as it is now
            variables.put("page", page.collection() == null ? page.drop().withBodyContent() : page.drop());
            variables.put("layout", layoutData);
            variables.put("content", output);
            try {
                output = engines.get(layout.engine()).render(layout, variables);
            } catch (DiagnosticException e) {
                throw new DiagnosticException(e.diagnostic().within(page.sitePath()));
            }
        }
        return output;
    }
}
