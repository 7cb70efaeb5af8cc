package io.subnet2.validator.sandbox.internal;

import java.util.HashSet;
import java.util.Set;

import io.subnet2.validator.sandbox.SandboxException;
import io.subnet2.validator.sandbox.SandboxProperties.UidRange;

/**
 * Hands each concurrent container a uid of its own from the configured range, so per-user kernel
 * limits and accounting (inotify instances, RLIMIT_NPROC, keyrings, ...) are never shared between
 * two miners. The first candidate is derived from the run id, so validators sharing one engine rarely
 * pick the same uid; within this runner a uid is never handed out twice at once.
 */
public final class UidPool {

    private final UidRange range;
    private final Set<Integer> inUse = new HashSet<>();

    public UidPool(UidRange range) {
        this.range = range;
    }

    public synchronized int acquire(String runId) {
        if (inUse.size() >= range.size()) {
            throw new SandboxException("all " + range.size() + " uids of the sandbox uid-range are in use");
        }
        int offset = Math.floorMod(runId.hashCode() * 0x9E3779B9, range.size());
        for (int i = 0; i < range.size(); i++) {
            int uid = (int) (range.first() + (offset + (long) i) % range.size());
            if (inUse.add(uid)) {
                return uid;
            }
        }
        throw new SandboxException("no free uid in the sandbox uid-range");
    }

    public synchronized void release(int uid) {
        inUse.remove(uid);
    }
}
