import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/** JVM workload for the seccomp test: threads, a thread pool, NIO file output. */
public class Hello {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            final int offset = t;
            parts.add(pool.submit(() -> {
                long sum = 0;
                for (int i = offset; i < 10_000_000; i += 8) {
                    sum += i % 7;
                }
                return sum;
            }));
        }
        long total = 0;
        for (Future<Long> part : parts) {
            total += part.get();
        }
        pool.shutdown();
        String input = Files.readString(Path.of(System.getenv("ANALYZER_INPUT_PATH"), "hello.txt"));
        Files.writeString(Path.of(System.getenv("ANALYZER_OUTPUT_PATH"), "features.parquet"),
                "java " + Runtime.version().feature() + " sum=" + total + " " + input, StandardCharsets.UTF_8);
        System.out.println("jvm ok, processors=" + Runtime.getRuntime().availableProcessors());
    }
}
