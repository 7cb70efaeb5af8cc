package io.subnet2.validator.chain.bittensor.rpc;

/** A JSON-RPC call that did not produce a result. */
public class RpcException extends RuntimeException {

    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
