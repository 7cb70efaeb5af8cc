package io.subnet2.validator.chain;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.subnet2.validator.CliCommand;
import io.subnet2.validator.chain.bittensor.BittensorChain;
import io.subnet2.validator.chain.bittensor.ChainStartupException;
import io.subnet2.validator.chain.bittensor.dendrite.QueryOutcome;
import io.subnet2.validator.chain.bittensor.rpc.RpcException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Operator commands of bittensor mode, without Spring, the database or the web server:
 * {@code chain whoami | metagraph | query --uid N [--tournament ID] [--epoch N]} with the service's flags
 * {@code --network --netuid --wallet.name --wallet.hotkey --wallet.path}. Prints JSON; fails with one line.
 */
public final class ChainCommand implements CliCommand {

    static final String USAGE = "usage: chain whoami|metagraph|query --netuid N [--network finney|test|local|URL[,URL]]"
            + " [--wallet.name NAME] [--wallet.hotkey NAME] [--wallet.path DIR] (query: --uid N [--tournament ID] [--epoch N])";
    private static final Set<String> OPTIONS = Set.of("--network", "--netuid", "--wallet.name", "--wallet.hotkey",
            "--wallet.path", "--uid", "--tournament", "--epoch");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "chain";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            if (args.length == 0 || !List.of("whoami", "metagraph", "query").contains(args[0])) {
                throw new IllegalArgumentException("unknown or missing subcommand");
            }
            options = parse(args);
            if (args[0].equals("query") && !options.containsKey("--uid")) {
                throw new IllegalArgumentException("query needs --uid N");
            }
        } catch (IllegalArgumentException e) {
            err.println("chain: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (BittensorChain chain = BittensorChain.connect(properties(options))) {
            switch (args[0]) {
                case "whoami":
                    return whoami(chain, out);
                case "metagraph":
                    out.println(JSON.writeValueAsString(metagraph(chain.directory().refresh())));
                    return 0;
                default:
                    return query(chain, options, out, err);
            }
        } catch (ChainStartupException | RpcException | IllegalArgumentException e) {
            err.println("chain " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--netuid")) {
            throw new IllegalArgumentException("--netuid is required");
        }
        return options;
    }

    static BittensorProperties properties(Map<String, String> o) {
        String path = o.get("--wallet.path");
        return new BittensorProperties(integer(o, "--netuid", 65535),
                o.containsKey("--network") ? List.of(o.get("--network")) : null,
                new BittensorProperties.Wallet(o.get("--wallet.name"), o.get("--wallet.hotkey"),
                        path == null ? null : Path.of(BittensorProperties.expandHome(path)), null),
                null, null, null);
    }

    private static int integer(Map<String, String> o, String name, int max) {
        try {
            int value = Integer.parseInt(o.get(name));
            if (value < 0 || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer 0.." + max + ", got '" + o.get(name) + "'");
        }
    }

    private static int whoami(BittensorChain chain, PrintStream out) {
        ObjectNode me = JSON.createObjectNode();
        me.put("hotkey", chain.hotkey().ss58());
        me.put("public_key", "0x" + HexFormat.of().formatHex(chain.hotkey().publicKey()));
        me.put("netuid", chain.netuid());
        me.put("endpoint", chain.rpc().currentEndpoint().toString());
        me.put("spec_version", chain.runtime().specVersion());
        chain.directory().refresh().stream().filter(n -> n.hotkey().equals(chain.hotkey().ss58())).findFirst()
                .ifPresentOrElse(n -> {
                    me.put("registered", true);
                    me.put("uid", n.uid());
                    me.put("validator_permit", n.validatorPermit());
                    me.put("stake", n.stake());
                }, () -> me.put("registered", false));
        out.println(JSON.writeValueAsString(me));
        return 0;
    }

    static ArrayNode metagraph(List<Neuron> neurons) {
        ArrayNode list = JSON.createArrayNode();
        for (Neuron n : neurons) {
            ObjectNode node = list.addObject();
            node.put("uid", n.uid());
            node.put("hotkey", n.hotkey());
            node.put("stake", n.stake());
            node.put("validator_permit", n.validatorPermit());
            n.axon().ifPresentOrElse(a -> node.put("axon", a.host() + ":" + a.port()), () -> node.putNull("axon"));
        }
        return list;
    }

    private static int query(BittensorChain chain, Map<String, String> o, PrintStream out, PrintStream err) {
        int uid = integer(o, "--uid", 65535);
        String tournament = o.getOrDefault("--tournament", new UUID(0, 0).toString());
        long epoch = o.containsKey("--epoch") ? integer(o, "--epoch", Integer.MAX_VALUE) : 0;
        Neuron neuron = chain.directory().refresh().stream().filter(n -> n.uid() == uid).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no neuron with uid " + uid + " on netuid " + chain.netuid()));
        QueryOutcome outcome = chain.dendrite().query(neuron, tournament, epoch);
        ObjectNode result = JSON.createObjectNode();
        result.put("uid", uid);
        result.put("hotkey", neuron.hotkey());
        result.put("axon", neuron.axon().map(a -> a.host() + ":" + a.port()).orElse(null));
        result.put("outcome", outcome.reason().tag());
        result.put("detail", outcome.detail());
        result.put("repository_url", outcome.answer().map(MinerAnswer::repositoryUrl).orElse(null));
        result.put("commit_hash", outcome.answer().map(MinerAnswer::commitHash).orElse(null));
        out.println(JSON.writeValueAsString(result));
        if (outcome.answer().isEmpty()) {
            err.println("chain query: uid " + uid + " gave no answer: " + outcome.reason().tag() + " (" + outcome.detail() + ")");
            return 1;
        }
        return 0;
    }
}
