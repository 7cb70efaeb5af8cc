package io.subnet2.validator.chain.bittensor;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.chain.BittensorProperties;
import io.subnet2.validator.chain.Neuron;
import io.subnet2.validator.chain.bittensor.dendrite.Dendrite;
import io.subnet2.validator.chain.bittensor.dendrite.DendriteSettings;
import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;
import io.subnet2.validator.chain.bittensor.metagraph.ChainBlockClock;
import io.subnet2.validator.chain.bittensor.metagraph.ChainMinerDirectory;
import io.subnet2.validator.chain.bittensor.metagraph.SubtensorReads;
import io.subnet2.validator.chain.bittensor.rpc.JsonRpcClient;
import io.subnet2.validator.chain.bittensor.rpc.RpcException;
import io.subnet2.validator.chain.bittensor.rpc.RpcSettings;

/**
 * Bittensor mode assembled from its properties and checked: the hotkey opens, a node answers, its
 * runtime is one whose layouts were read (a newer one is a warning), and the hotkey is registered on
 * the netuid. Shared by the service and the {@code chain} command.
 */
public final class BittensorChain implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BittensorChain.class);
    /** Runtime spec versions whose layouts (NeuronInfoLite, storage keys) were read: spec/bittensor.md. */
    public static final long TESTED_SPEC_VERSION = 425;

    private final BittensorProperties properties;
    private final Sr25519Keypair hotkey;
    private final JsonRpcClient rpc;
    private final SubtensorReads reads;
    private final SubtensorReads.RuntimeVersion runtime;

    private BittensorChain(BittensorProperties properties, Sr25519Keypair hotkey, JsonRpcClient rpc,
            SubtensorReads.RuntimeVersion runtime) {
        this.properties = properties;
        this.hotkey = hotkey;
        this.rpc = rpc;
        this.reads = new SubtensorReads(rpc);
        this.runtime = runtime;
    }

    /** Opens the wallet and connects; throws {@link ChainStartupException} with a one-line reason. */
    public static BittensorChain connect(BittensorProperties properties) {
        if (properties.netuid() == null) {
            throw new ChainStartupException("validator.chain.bittensor.netuid is not set (the subnet to validate)");
        }
        Sr25519Keypair hotkey = Wallets.hotkey(properties.wallet());
        JsonRpcClient rpc = new JsonRpcClient(Networks.resolve(properties.network()), rpcSettings(properties.rpc()));
        try {
            SubtensorReads.RuntimeVersion runtime;
            try {
                runtime = new SubtensorReads(rpc).runtimeVersion();
            } catch (RpcException e) {
                throw new ChainStartupException("cannot reach a subtensor node at " + rpc.endpoints() + ": "
                        + e.getMessage(), e);
            }
            checkRuntime(runtime);
            return new BittensorChain(properties, hotkey, rpc, runtime);
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    static void checkRuntime(SubtensorReads.RuntimeVersion runtime) {
        if (runtime.specVersion() < TESTED_SPEC_VERSION) {
            throw new ChainStartupException("the node runs runtime spec_version " + runtime.specVersion()
                    + ", older than the layouts this validator reads (spec_version " + TESTED_SPEC_VERSION
                    + "): point validator.chain.bittensor.network at an up-to-date node");
        }
        if (runtime.specVersion() > TESTED_SPEC_VERSION) {
            log.warn("the node runs runtime spec_version {}, newer than the one whose layouts were read ({}): "
                    + "decoding errors would mean a layout changed", runtime.specVersion(), TESTED_SPEC_VERSION);
        }
    }

    /** The validator's own neuron; throws when the hotkey is not registered on the netuid. */
    public Neuron requireRegistered() {
        List<Neuron> neurons = directory().refresh();
        return find(neurons).orElseThrow(() -> new ChainStartupException("hotkey " + hotkey.ss58()
                + " is not registered on netuid " + properties.netuid() + " (" + neurons.size()
                + " neurons there): register it with btcli subnet register, or check --netuid and --wallet.hotkey"));
    }

    Optional<Neuron> find(List<Neuron> neurons) {
        String ss58 = hotkey.ss58();
        return neurons.stream().filter(n -> n.hotkey().equals(ss58)).findFirst();
    }

    static RpcSettings rpcSettings(BittensorProperties.Rpc rpc) {
        return new RpcSettings(rpc.connectTimeout(), rpc.callTimeout(), rpc.maxAttempts(), rpc.initialBackoff(),
                rpc.maxBackoff(), (int) Math.min(Integer.MAX_VALUE, rpc.maxReplySize().toBytes()));
    }

    public int netuid() {
        return properties.netuid();
    }

    public Sr25519Keypair hotkey() {
        return hotkey;
    }

    public SubtensorReads reads() {
        return reads;
    }

    public JsonRpcClient rpc() {
        return rpc;
    }

    public SubtensorReads.RuntimeVersion runtime() {
        return runtime;
    }

    public ChainMinerDirectory directory() {
        return new ChainMinerDirectory(reads, properties.netuid());
    }

    public ChainBlockClock blockClock() {
        return new ChainBlockClock(reads, properties.blockTime());
    }

    public Dendrite dendrite() {
        BittensorProperties.Dendrite d = properties.dendrite();
        return new Dendrite(hotkey, new DendriteSettings(d.timeout(), d.concurrency(),
                (int) Math.min(Integer.MAX_VALUE, d.maxResponseSize().toBytes()), d.externalIp(), d.allowPrivateAxons()));
    }

    public int dendriteConcurrency() {
        return properties.dendrite().concurrency();
    }

    @Override
    public void close() {
        rpc.close();
    }
}
