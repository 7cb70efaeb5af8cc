package io.subnet2.validator.chain.bittensor.rpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as UTF-8 text that fails, and cancels the transfer, as soon as it exceeds a limit
 * (a hostile or broken peer cannot make us buffer an unbounded reply). Non-200 bodies are discarded.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<String> {

    private final int maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public static HttpResponse.BodySubscriber<String> of(HttpResponse.ResponseInfo info, int maxBytes) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing("");
        }
        return new BoundedBody(maxBytes);
    }

    /** Like {@link #of} but keeps the body of every status (callers that report a peer's error body). */
    public static HttpResponse.BodySubscriber<String> anyStatus(int maxBytes) {
        return new BoundedBody(maxBytes);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (buffer.size() + item.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new IOException("reply larger than " + maxBytes + " bytes"));
                return;
            }
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            buffer.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toString(StandardCharsets.UTF_8));
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }
}
