package io.subnet2.validator.chain.bittensor.rpc;

/** No endpoint gave a well-formed answer within the attempts allowed. */
public final class RpcUnavailableException extends RpcException {

    public RpcUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
