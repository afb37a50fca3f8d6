package org.sheaf.markdown;

import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task lists as kramdown's GFM parser (Jekyll's default input) makes them: an item whose first
 * paragraph starts with {@code [ ]} or {@code [x]} and a space gets a disabled checkbox in place
 * of the brackets. From the first such item on, every item of that list has the class
 * {@code task-list-item} (earlier ones do not), and the list has {@code task-list}.
 */
final class KramdownTaskLists {
    /** The lists and items that carry the task list classes; empty for a document with none. */
    static final DataKey<Set<Node>> MARKED = new DataKey<>("SHEAF_KRAMDOWN_TASK_LISTS", Set.of());

    private static final Pattern BOX = Pattern.compile("\\s*\\[([ xX])\\]\\s+");
    private static final String UNCHECKED = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />";
    private static final String CHECKED = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />";

    private KramdownTaskLists() {
    }

    /** Turns the boxes of {@code document}'s task items into checkboxes and stores which nodes are marked. */
    static void mark(Document document) {
        List<ListBlock> lists = new ArrayList<>();
        for (Node node : Descendants.of(document)) {
            if (node instanceof ListBlock list) {
                lists.add(list);
            }
        }
        Set<Node> marked = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ListBlock list : lists) {
            boolean tasks = false;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem) || !(item.getFirstChild() instanceof Paragraph paragraph)) {
                    continue;
                }
                tasks |= replaceBox(paragraph);
                if (tasks) {
                    marked.add(item);
                }
            }
            if (tasks) {
                marked.add(list);
            }
        }
        if (!marked.isEmpty()) {
            document.set(MARKED, marked);
        }
    }

    /** Replaces the box that starts {@code paragraph}, if any, with a checkbox. */
    private static boolean replaceBox(Paragraph paragraph) {
        BasedSequence chars = paragraph.getChars();
        Matcher m = BOX.matcher(chars.trimEnd());
        if (!m.lookingAt()) {
            return false;
        }
        int boxEnd = chars.getStartOffset() + m.end();
        TaskBoxes.remove(paragraph, boxEnd);
        String box = m.group(1).equals(" ") ? UNCHECKED : CHECKED;
        paragraph.prependChild(new HtmlInline(BasedSequence.of(box)));
        return true;
    }
}
