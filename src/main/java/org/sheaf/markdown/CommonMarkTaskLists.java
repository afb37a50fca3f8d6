package org.sheaf.markdown;

import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task list items as CommonMarker's {@code tasklist} extension makes them for jekyll-commonmark:
 * an item whose first paragraph starts with {@code [ ]}, {@code [x]} or {@code [X]}, then a space
 * and more text, loses the box from its text and is written with a disabled checkbox before its
 * content ({@link CommonMarkNodeRenderer}). Neither the item nor the list gets a class.
 */
final class CommonMarkTaskLists {
    /** The task items of a document, each with whether its box is checked; empty for none. */
    static final DataKey<Map<Node, Boolean>> TASKS = new DataKey<>("SHEAF_COMMONMARK_TASKS", Map.of());

    private static final Pattern BOX = Pattern.compile("\\[([ xX])\\][ \\t]+(?=\\S)");

    private CommonMarkTaskLists() {
    }

    /** Finds the task items of {@code document}, takes their boxes out of the text and stores them. */
    static void mark(Document document) {
        Map<Node, Boolean> tasks = new IdentityHashMap<>();
        for (Node node : Descendants.of(document)) {
            if (node instanceof ListItem item && item.getFirstChild() instanceof Paragraph paragraph) {
                Matcher box = BOX.matcher(paragraph.getChars());
                if (box.lookingAt()) {
                    TaskBoxes.remove(paragraph, paragraph.getChars().getStartOffset() + box.end());
                    tasks.put(item, !box.group(1).equals(" "));
                }
            }
        }
        if (!tasks.isEmpty()) {
            document.set(TASKS, tasks);
        }
    }

    /** The checkbox CommonMarker writes at the start of a task item. */
    static String checkbox(boolean checked) {
        return checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> ";
    }
}
