package io.subnet2.validator.tournament;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** What it takes to create a tournament; validated on construction. */
public record NewTournament(
        String name,
        int netuid,
        Instant registrationStart,
        Instant registrationEnd,
        long startBlock,
        long endBlock,
        int epochBlocks,
        List<String> testNetworks,
        String baselineRepository,
        String baselineVersion,
        String configJson) {

    private static final Pattern NETWORK = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    public NewTournament {
        require(name != null && !name.isBlank() && name.length() <= 200, "name must be 1..200 characters");
        require(netuid >= 0, "netuid must be >= 0");
        Objects.requireNonNull(registrationStart, "registrationStart");
        Objects.requireNonNull(registrationEnd, "registrationEnd");
        require(!registrationEnd.isBefore(registrationStart), "registrationEnd must not be before registrationStart");
        require(startBlock >= 0, "startBlock must be >= 0");
        require(endBlock >= startBlock, "endBlock must be >= startBlock");
        require(epochBlocks > 0, "epochBlocks must be > 0");
        testNetworks = List.copyOf(Objects.requireNonNull(testNetworks, "testNetworks"));
        require(!testNetworks.isEmpty(), "at least one test network is required");
        testNetworks.forEach(n -> require(NETWORK.matcher(n).matches(), "bad network name: " + n));
        require(testNetworks.stream().distinct().count() == testNetworks.size(), "test networks must be distinct");
        require(baselineVersion == null || SHA.matcher(baselineVersion).matches(),
                "baselineVersion must be a full 40-hex lower-case commit");
        require((baselineRepository == null) == (baselineVersion == null),
                "baselineRepository and baselineVersion go together");
        require(baselineRepository == null || baselineRepository.length() <= 500, "baselineRepository too long");
        configJson = configJson == null ? "{}" : configJson;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
