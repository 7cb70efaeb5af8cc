package io.subnet2.validator.chain.bittensor.dendrite;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.subnet2.validator.chain.MinerAnswer;
import io.subnet2.validator.chain.Neuron;
import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;
import io.subnet2.validator.chain.bittensor.rpc.BoundedBody;
import io.subnet2.validator.chain.bittensor.dendrite.QueryOutcome.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validator's dendrite: sends one signed {@code SubmissionSynapse} to an axon and reads the
 * {@code repository_url} and {@code commit_hash} of the answer. Never throws for the miner's fault.
 */
public final class Dendrite {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int MAX_FIELD = 1000;

    private final Sr25519Keypair keypair;
    private final String hotkey;
    private final DendriteSettings settings;
    private final HttpClient http;
    /** One uuid per process, as the SDK's dendrite. */
    private final String uuid = UUID.randomUUID().toString();
    private final AtomicLong lastNonce = new AtomicLong();

    public Dendrite(Sr25519Keypair keypair, DendriteSettings settings) {
        this.keypair = keypair;
        this.hotkey = keypair.ss58();
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String hotkey() {
        return hotkey;
    }

    /** Time in ns, strictly increasing per process (the axon refuses a nonce it has seen). */
    long nextNonce() {
        Instant t = Instant.now();
        long now = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        return lastNonce.accumulateAndGet(now, (last, candidate) -> Math.max(last + 1, candidate));
    }

    public QueryOutcome query(Neuron neuron, String tournamentId, long epochNumber) {
        if (neuron.axon().isEmpty()) {
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.NOT_SERVING, "no axon");
        }
        Neuron.Axon axon = neuron.axon().get();
        if (!settings.allowPrivateAxons() && isPrivate(axon.host())) {
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.PRIVATE_ADDRESS, axon.host());
        }
        SubmissionSynapse.Request request = new SubmissionSynapse.Request(new SubmissionSynapse.Terminals(
                settings.externalIp(), nextNonce(), uuid, hotkey, axon.host(), axon.port(), neuron.hotkey()),
                settings.timeout().toMillis() / 1000.0, tournamentId, epochNumber);
        String signature = "0x" + HexFormat.of().formatHex(keypair.sign(request.signedMessage()));
        String body = request.body(signature);
        HttpRequest.Builder post = HttpRequest.newBuilder(uri(axon)).timeout(settings.timeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (Map.Entry<String, String> header : request.headers(signature, body.length()).entrySet()) {
            post.header(header.getKey(), header.getValue());
        }
        HttpResponse<String> response;
        try {
            response = http.send(post.build(), info -> BoundedBody.anyStatus(settings.maxResponseBytes()));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.UNREACHABLE, String.valueOf(e.getMessage()));
        } catch (HttpTimeoutException e) {
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.TIMEOUT,
                    "no answer within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            boolean tooLarge = String.valueOf(e.getMessage()).startsWith("reply larger than");
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), tooLarge ? Reason.TOO_LARGE : Reason.UNREACHABLE,
                    String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.UNREACHABLE, "interrupted");
        }
        return read(neuron, response);
    }

    private static QueryOutcome read(Neuron neuron, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status != 200) {
            Reason reason = status >= 500 ? Reason.HTTP_5XX : Reason.HTTP_4XX;
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), reason, "HTTP " + status);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JacksonException e) {
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.MALFORMED, "answer is not JSON");
        }
        if (json == null || !json.isObject()) {
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.MALFORMED, "answer is not a JSON object");
        }
        JsonNode url = json.get("repository_url");
        JsonNode commit = json.get("commit_hash");
        boolean absent = (url == null || url.isNull()) && (commit == null || commit.isNull());
        if (absent) {
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.NO_SUBMISSION, "no repository_url");
        }
        if (url == null || !url.isString() || commit == null || !commit.isString()
                || url.stringValue().length() > MAX_FIELD || commit.stringValue().length() > MAX_FIELD) {
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.MALFORMED,
                    "repository_url and commit_hash must both be strings of at most " + MAX_FIELD + " characters");
        }
        return QueryOutcome.answered(new MinerAnswer(neuron.hotkey(), neuron.uid(), url.stringValue(),
                commit.stringValue()));
    }

    private static URI uri(Neuron.Axon axon) {
        String host = axon.host().contains(":") ? "[" + axon.host() + "]" : axon.host();
        return URI.create("http://" + host + ":" + axon.port() + "/" + SubmissionSynapse.NAME);
    }

    /** Loopback, site-local, link-local, unspecified and multicast addresses (the host is an ip literal). */
    static boolean isPrivate(String host) {
        try {
            InetAddress a = InetAddress.getByName(host);
            byte[] raw = a.getAddress();
            boolean uniqueLocal6 = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || a.isMulticastAddress() || uniqueLocal6;
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
