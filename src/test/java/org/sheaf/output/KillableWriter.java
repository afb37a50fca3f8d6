package org.sheaf.output;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process for {@link DirectorySinkKillIT}: writes generation after generation of a
 * large site into a destination until it is killed. Generation {@code g} has
 * {@link #fileCount(long)} pages whose content names {@code g}, and a {@code manifest.txt} saying
 * {@code g count}; the counts differ between generations, so a mixture of two would show as
 * missing or extra files. Prints {@code started} once it is about to write, and {@code wrote g} after each generation.
 *
 * <p>Arguments: destination folder, first generation number.
 */
public final class KillableWriter {
    private KillableWriter() {
    }

    static final List<String> KEEP = List.of(".git");

    static int fileCount(long generation) {
        return 1000 + (int) (generation % 7) * 100;
    }

    static String page(long generation, int i) {
        return "generation " + generation + " page " + i;
    }

    static OutputPlan plan(long generation) {
        OutputPlan plan = new OutputPlan();
        int count = fileCount(generation);
        for (int i = 0; i < count; i++) {
            plan.addBytes("pages/" + (i % 20) + "/" + i + ".html", page(generation, i).getBytes(UTF_8), "p" + i + ".md");
        }
        plan.addBytes("manifest.txt", (generation + " " + count).getBytes(UTF_8), "_config.yml");
        return plan;
    }

    public static void main(String[] args) throws Exception {
        DirectorySink sink = new DirectorySink(Path.of(args[0]), KEEP);
        long generation = Long.parseLong(args[1]);
        System.out.println("started");
        System.out.flush();
        while (true) {
            sink.write(plan(generation));
            System.out.println("wrote " + generation++);
            System.out.flush();
        }
    }
}
