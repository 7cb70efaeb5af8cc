package io.subnet2.validator.chain.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.chain.WeightPublisher;
import io.subnet2.validator.chain.WeightVector;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Local mode: writes {@code {dir}/{tournament}-{epoch}.json} atomically and logs a one-line summary. */
public final class WeightFileWriter implements WeightPublisher {

    private static final Logger log = LoggerFactory.getLogger(WeightFileWriter.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    public WeightFileWriter(Path dir) {
        this.dir = dir;
    }

    public Path fileOf(WeightVector weights) {
        return dir.resolve(weights.tournamentId() + "-" + weights.epochNumber() + ".json");
    }

    @Override
    public void publish(WeightVector weights) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tournament_id", weights.tournamentId().toString());
        body.put("epoch", weights.epochNumber());
        body.put("policy", weights.policy());
        body.put("uids", weights.weights().stream().map(WeightVector.UidWeight::uid).toList());
        body.put("weights", weights.weights().stream().map(WeightVector.UidWeight::weight).toList());
        Path target = fileOf(weights);
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".weights-", ".tmp");
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write weights to " + target, e);
        }
        double sum = weights.weights().stream().mapToDouble(WeightVector.UidWeight::weight).sum();
        log.info("weights tournament={} epoch={} policy={} uids={} sum={} file={}", weights.tournamentId(),
                weights.epochNumber(), weights.policy(), weights.weights().size(), String.format("%.6f", sum), target);
    }
}
