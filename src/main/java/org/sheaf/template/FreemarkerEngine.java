package org.sheaf.template;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.OsReason;
import org.sheaf.diag.Position;

/**
 * Renders Freemarker layouts ({@code .ftlh}: HTML auto-escaping on) with Jekyll's variable
 * names, and Jekyll's helpers as functions ({@link TemplateFunctions}).
 *
 * <p>Configured for templates a stranger may have written: no {@code ?new} on any class, no
 * {@code ?api}, no access to Java objects (the model holds only maps, lists, text, numbers,
 * booleans and dates; see {@link SheafObjectWrapper}), includes only from the templates folder.
 * One instance per build; thread-safe (Freemarker's {@link Configuration} and {@link Template}
 * are, once set up; each layout is parsed once).
 */
public final class FreemarkerEngine implements LayoutEngine {
    private final Configuration configuration;
    private final String templatesSitePath;
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    /**
     * @param templatesDir      the folder layouts and includes are loaded from
     * @param templatesSitePath that folder relative to the site root, for diagnostics ("templates")
     * @param functions         Jekyll's helpers for this site
     */
    public FreemarkerEngine(Path templatesDir, String templatesSitePath, TemplateFunctions functions) throws IOException {
        this.templatesSitePath = templatesSitePath;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        if (Files.isDirectory(templatesDir)) {
            cfg.setTemplateLoader(new SiteTemplateLoader(templatesDir, templatesSitePath));
        }
        cfg.setDefaultEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTimeZone(TimeZone.getTimeZone(functions.zone()));
        cfg.setObjectWrapper(new SheafObjectWrapper(functions.zone()));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        functions.all().forEach(cfg::setSharedVariable);
        this.configuration = cfg;
    }

    @Override
    public String render(Layout layout, Map<String, Object> variables) throws DiagnosticException {
        Template template = template(layout);
        Map<String, Object> model = new HashMap<>(variables);
        Object content = variables.get("content");
        StringWriter out = new StringWriter();
        try {
            model.put("content", HTMLOutputFormat.INSTANCE.fromMarkup(content == null ? "" : content.toString()));
            template.process(model, out);
        } catch (TemplateException e) {
            throw new DiagnosticException(diagnostic(e, layout));
        } catch (IOException e) {
            throw new DiagnosticException(Diagnostic.error(layout.sitePath(), Position.FILE,
                    "cannot render layout: " + OsReason.of(e)));
        }
        return out.toString();
    }

    /** Parses a layout once; blank lines stand in for its front matter so line numbers stay true. */
    private Template template(Layout layout) throws DiagnosticException {
        Template cached = parsed.get(layout.fileName());
        if (cached != null) {
            return cached;
        }
        String text = "\n".repeat(Math.max(0, layout.bodyLine() - 1)) + layout.body();
        try {
            Template template = new Template(layout.fileName(), new StringReader(text), configuration);
            parsed.putIfAbsent(layout.fileName(), template);
            return template;
        } catch (ParseException e) {
            throw new DiagnosticException(Diagnostic.error(sitePathOf(e.getTemplateName(), layout),
                    new Position(e.getLineNumber(), e.getColumnNumber()), "Freemarker syntax error: " + firstLine(e.getEditorMessage())));
        } catch (IOException e) {
            throw new DiagnosticException(Diagnostic.error(layout.sitePath(), Position.FILE,
                    "cannot read layout: " + OsReason.of(e)));
        }
    }

    private Diagnostic diagnostic(TemplateException e, Layout layout) {
        String path = sitePathOf(e.getTemplateSourceName(), layout);
        Integer line = e.getLineNumber();
        Integer column = e.getColumnNumber();
        Position position = line == null || line < 1 ? Position.FILE
                : new Position(line, column == null || column < 1 ? 0 : column);
        if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
            return Diagnostic.error(path, position, "\"" + e.getBlamedExpressionString() + "\" is undefined")
                    .withHint("write ${x!\"\"} or <#if x??> for values a page may not have");
        }
        String message = firstLine(e.getMessageWithoutStackTop());
        if (e.getCause() instanceof IOException refused && refused.getCause() instanceof DiagnosticException) {
            // an include the template loader refused (SiteTemplateLoader): its reason is the news
            message = message + " " + refused.getMessage();
        }
        return Diagnostic.error(path, position, message);
    }

    private String sitePathOf(String templateName, Layout layout) {
        if (templateName == null || templateName.equals(layout.fileName())) {
            return layout.sitePath();
        }
        return templatesSitePath.isEmpty() ? templateName : templatesSitePath + "/" + templateName;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "template error";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }

}
