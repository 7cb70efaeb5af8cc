package io.subnet2.validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL (zonky embedded binaries) under {@code {work-dir}/postgres} when
 * {@code spring.datasource.url} is not set. The data directory is kept across restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PathsProperties paths) throws IOException {
        Path dataDir = paths.postgresDir();
        Files.createDirectories(dataDir);
        stopOrphanedServer(dataDir);
        long start = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        log.info("embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), dataDir,
                (System.nanoTime() - start) / 1_000_000);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("validator");
        return dataSource;
    }

    /**
     * A validator killed with SIGKILL leaves its PostgreSQL child running, holding the data directory.
     * Stop that server so this start can take the directory over.
     */
    private static void stopOrphanedServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            server = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            return;
        }
        server.filter(p -> p.isAlive() && p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(p -> {
                    log.warn("stopping orphaned PostgreSQL (pid {}) left by an earlier run", p.pid());
                    p.destroy();
                    try {
                        p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
    }
}
