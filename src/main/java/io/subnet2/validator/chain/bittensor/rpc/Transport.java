package io.subnet2.validator.chain.bittensor.rpc;

import java.io.IOException;
import java.time.Duration;

/** One endpoint: sends a request text and waits for the reply text of the same id. */
interface Transport extends AutoCloseable {

    /**
     * @throws IOException on connection failure, a non-200 answer, a reply larger than allowed, or no
     *         reply within {@code timeout}
     */
    String exchange(long id, String request, Duration timeout) throws IOException;

    @Override
    void close();
}
