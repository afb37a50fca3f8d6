package org.sheaf.liquid;

import java.util.Map;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;

/**
 * A Liqp context that stops a render once its deadline has passed, or once a variable would hold
 * more than {@link #MAX_VARIABLE_CHARS} characters. Every loop iteration calls
 * {@link #incrementIterations()} on the innermost context, and every context below this one is
 * made by {@link #newChildContext(Map)}, so the check reaches every loop, include and capture.
 *
 * <p>Liqp's own {@code withMaxRenderTimeMillis} is not used: it renders on a fresh thread per
 * template and, on time out, leaves that thread running and wraps every other error, which would
 * lose the position of ordinary mistakes.
 */
final class TimedContext extends TemplateContext {
    /**
     * Longest text one variable may hold. Assignments run no loop, so without this a few lines of
     * {@code assign x = x | append: x} double a string to gigabytes before any loop check runs.
     */
    static final int MAX_VARIABLE_CHARS = 16 * 1024 * 1024;
    private final long deadlineNanos;
    private final long limitMillis;

    /**
     * The root: a render of {@code template} that must finish within {@code limitMillis}, seeing
     * {@code variables} (Jekyll's payload). The payload lives in the root because {@code assign}
     * and {@code capture} write there: a variable a template assigns then replaces the payload's
     * of the same name, as in Ruby's Liquid, where assigns are looked up before the payload
     * (a layout's {@code {% capture layout %}} is read back as the captured text, not the layout).
     */
    TimedContext(Template template, TemplateParser parser, long limitMillis, Map<String, Object> variables) {
        super(template, parser, variables);
        this.limitMillis = limitMillis;
        this.deadlineNanos = System.nanoTime() + limitMillis * 1_000_000L;
    }

    private TimedContext(Map<String, Object> variables, TimedContext parent) {
        super(variables, parent);
        this.limitMillis = parent.limitMillis;
        this.deadlineNanos = parent.deadlineNanos;
    }

    @Override
    public TemplateContext newChildContext(Map<String, Object> variables) {
        return new TimedContext(variables, this);
    }

    @Override
    public void incrementIterations() {
        checkDeadline();
        super.incrementIterations();
    }

    /** Every {@code assign}, {@code capture}, {@code increment} and loop variable passes here. */
    @Override
    public Object put(String key, Object value, boolean mutableRoot) {
        checkDeadline();
        if (value instanceof CharSequence text && text.length() > MAX_VARIABLE_CHARS) {
            throw new RenderTimeExceeded("variable \"" + key + "\" would hold more than "
                    + MAX_VARIABLE_CHARS + " characters");
        }
        return super.put(key, value, mutableRoot);
    }

    /**
     * Stops the render of {@code context} if its deadline has passed. For the tags that render
     * other templates ({@code include}): an include runs no loop and sets no variable, so ten
     * includes of a file that includes another ten times, nine levels deep, would otherwise run
     * for hours unchecked.
     */
    static void checkDeadline(TemplateContext context) {
        if (context instanceof TimedContext timed) {
            timed.checkDeadline("includes that include others too many times?");
        }
    }

    private void checkDeadline() {
        checkDeadline("a loop that runs too long?");
    }

    private void checkDeadline(String likelyCause) {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new RenderTimeExceeded("took longer than " + limitMillis + " ms (" + likelyCause + ")");
        }
    }

    /** Thrown when a render runs past its deadline or grows a variable past the limit. */
    static final class RenderTimeExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RenderTimeExceeded(String why) {
            super(why, null, false, false);
        }
    }
}
