package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each expected value is what Jekyll 4.3.1 (Ruby 3.1) gave for the same file. */
class StaticFileDropTest {
    private static final ZonedDateTime TIME = ZonedDateTime.of(2024, 5, 6, 7, 8, 9, 500, ZoneOffset.UTC);

    private static StaticFileDrop drop(String name, Map<String, Object> data) {
        return new StaticFileDrop(name, "/assets/" + name, null, TIME, data);
    }

    @Test
    void extnameAndBasenameFollowRubysFileNames() {
        String[][] cases = {
            {"a.", ".", "a"},
            {"..x", "", "..x"},
            {".htaccess", "", ".htaccess"},
            {"a.b.PDF", ".PDF", "a.b"},
            {"file..txt", ".txt", "file"},
            {"README", "", "README"},
            {".x.y", ".y", ".x"},
        };
        for (String[] c : cases) {
            StaticFileDrop file = drop(c[0], Map.of());
            assertEquals(c[1], file.get("extname"), c[0]);
            assertEquals(c[2], file.get("basename"), c[0]);
        }
    }

    @Test
    void keysAreTheDropsMethodsThenTheDefaultsNotHidingThem() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("image", true);
        data.put("name", "shadowed");
        data.put("foo", "bar");
        StaticFileDrop file = drop("a.txt", data);
        assertEquals(List.of("name", "basename", "extname", "path", "collection", "modified_time", "image", "foo"),
                file.dropKeys());
        assertEquals("a.txt", file.get("name"));
        assertEquals("bar", file.get("foo"));
        assertNull(file.get("url"));
    }

    @Test
    void inspectIsIndentedJsonAloneAndTheFileInAnArray() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("credits", Map.of("none", List.of()));
        data.put("extra", Map.of());
        StaticFileDrop file = drop("a.txt", data);
        assertEquals("""
                {
                  "name": "a.txt",
                  "basename": "a",
                  "extname": ".txt",
                  "path": "/assets/a.txt",
                  "collection": null,
                  "modified_time": "2024-05-06 07:08:09 +0000",
                  "credits": {
                    "none": [

                    ]
                  },
                  "extra": {
                  }
                }""", RubyInspect.inspect(file));
        assertEquals("[#<Jekyll::StaticFile @relative_path=\"/assets/a.txt\">]", RubyInspect.inspect(List.of(file)));
        assertEquals("Jekyll::Drops::StaticFileDrop", file.toString(), "as Liquid writes a drop into the page");
    }
}
