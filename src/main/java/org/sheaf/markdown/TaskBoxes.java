package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The {@code [ ]} box that starts a task item, as both task list flavours ({@link KramdownTaskLists},
 * {@link CommonMarkTaskLists}) find it and take it out of the item's text before writing their own
 * checkbox.
 */
final class TaskBoxes {
    private TaskBoxes() {
    }

    /**
     * Takes the text before {@code boxEnd} out of {@code paragraph}: flexmark has read the box as
     * a link reference and a text node, or as one text.
     */
    static void remove(Paragraph paragraph, int boxEnd) {
        Node child = paragraph.getFirstChild();
        while (child != null && child.getEndOffset() <= boxEnd) {
            Node next = child.getNext();
            child.unlink();
            child = next;
        }
        if (child instanceof Text text && text.getStartOffset() < boxEnd) {
            text.setChars(text.getChars().subSequence(boxEnd - text.getStartOffset()));
        }
    }
}
