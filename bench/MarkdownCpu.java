import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;

/**
 * The CPU time of rendering every Markdown document of a folder, kramdown flavour, on one thread,
 * round after round in one JVM: an A/B of Markdown changes that a whole build is too noisy for on
 * a shared machine. Compare the minimum of the rounds between two class paths, alternating runs.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp target/sheaf.jar bench/MarkdownCpu.java bench/corpora/p1000-s7/content 8
 * </pre>
 */
public class MarkdownCpu {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(file);
                int end = text.startsWith("---") ? text.indexOf("\n---", 3) : -1;
                bodies.add(end < 0 ? text : text.substring(text.indexOf('\n', end + 1) + 1));
            }
        }
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.defaults());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int round = 1; round <= rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            long chars = 0;
            for (String body : bodies) {
                chars += renderer.render(body).length();
            }
            long cpu = threads.getCurrentThreadCpuTime() - start;
            best = Math.min(best, cpu);
            System.out.printf("round %d: %d documents, %d chars of HTML, %.0f ms CPU%n", round, bodies.size(), chars, cpu / 1e6);
        }
        System.out.printf("minimum: %.0f ms CPU%n", best / 1e6);
    }
}
