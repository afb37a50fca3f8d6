package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * kramdown puts every table row and cell on a line of its own, indented by its depth; Jekyll's number_of_words counts
 * whitespace-separated pieces of the rendered HTML, so a layout note counting its content's
 * words gives Jekyll's number only if the cells are laid out the same way.
 */
class KramdownTableLayoutTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.defaults());

    @Test
    void writesEachTableRowAndCellOnItsOwnLine() {
        String html = renderer.render("| Service | Partners |\n|---|--:|\n| Training | 9 |\n");
        assertEquals("""
                <table>
                  <thead>
                    <tr>
                      <th>Service</th>
                      <th style="text-align: right">Partners</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <td>Training</td>
                      <td style="text-align: right">9</td>
                    </tr>
                  </tbody>
                </table>
                """, html);
        assertEquals(18, html.strip().split("\\s+").length);  // what Jekyll's number_of_words gives
    }
}
