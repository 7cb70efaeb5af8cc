package io.subnet2.validator.chain.bittensor.rpc;

/** The node answered the call with a JSON-RPC error object; such calls are not retried. */
public final class RpcErrorException extends RpcException {

    private final long code;

    public RpcErrorException(String method, long code, String message) {
        super(method + " failed: " + code + " " + message);
        this.code = code;
    }

    public long code() {
        return code;
    }
}
