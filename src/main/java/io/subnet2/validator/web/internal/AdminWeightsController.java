package io.subnet2.validator.web.internal;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.subnet2.validator.chain.WeightAttempt;
import io.subnet2.validator.chain.WeightAttemptHistory;

/**
 * Admin: the recorded attempts to set weights on chain, newest first (bittensor mode; local mode writes
 * weight files instead and answers 404 here).
 */
@RestController
@RequestMapping("/api/v1/admin/weights")
class AdminWeightsController {

    static final int MAX_LIMIT = 500;

    private final ObjectProvider<WeightAttemptHistory> history;

    AdminWeightsController(ObjectProvider<WeightAttemptHistory> history) {
        this.history = history;
    }

    @GetMapping("/attempts")
    Map<String, Object> attempts(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        WeightAttemptHistory attempts = history.getIfAvailable();
        if (attempts == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "weights are set on chain only in bittensor mode (validator.chain.mode=bittensor)");
        }
        List<WeightAttempt> recent = attempts.recent(limit);
        return Map.of("attempts", recent, "count", recent.size());
    }
}
