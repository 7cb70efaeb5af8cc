package io.subnet2.validator.sandbox.internal;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

/** Receives a container's attached stdout+stderr frames into a {@link BoundedLog}. */
public final class LogCollector extends ResultCallback.Adapter<Frame> {

    private final BoundedLog log;

    public LogCollector(int maxBytes) {
        this.log = new BoundedLog(maxBytes);
    }

    @Override
    public void onNext(Frame frame) {
        log.append(frame.getPayload());
    }

    public BoundedLog log() {
        return log;
    }
}
