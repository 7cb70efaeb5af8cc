package io.subnet2.validator.chain.bittensor.metagraph;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import io.subnet2.validator.chain.Neuron;
import io.subnet2.validator.chain.bittensor.scale.ScaleException;
import io.subnet2.validator.chain.bittensor.scale.ScaleReader;

/**
 * subtensor's {@code AxonInfo}: {@code block u64, version u32, ip u128, port u16, ip_type u8, protocol u8,
 * placeholder1 u8, placeholder2 u8}. An ip of 0 means the neuron serves no axon.
 */
public record AxonInfo(long block, long version, BigInteger ip, int port, int ipType, int protocol) {

    static AxonInfo read(ScaleReader r) {
        AxonInfo axon = new AxonInfo(r.u64(), r.u32(), r.u128(), r.u16(), r.u8(), r.u8());
        r.u8();
        r.u8();
        return axon;
    }

    /** The address it serves on; empty for ip 0, port 0, or an ip that does not fit its ip_type. */
    public Optional<Neuron.Axon> serving() {
        if (ip.signum() == 0 || port == 0) {
            return Optional.empty();
        }
        return address(ip, ipType).map(a -> new Neuron.Axon(a.getHostAddress(), port));
    }

    /** ip_type 4: the low 32 bits are the IPv4 address; 6: the 128 bits are the IPv6 address (big-endian). */
    static Optional<InetAddress> address(BigInteger ip, int ipType) {
        int length = ipType == 4 ? 4 : ipType == 6 ? 16 : -1;
        if (length < 0 || ip.bitLength() > length * 8) {
            return Optional.empty();
        }
        byte[] be = ip.toByteArray();
        byte[] raw = new byte[length];
        int copy = Math.min(be.length, length);
        System.arraycopy(be, be.length - copy, raw, length - copy, copy);
        try {
            return Optional.of(InetAddress.getByAddress(raw));
        } catch (UnknownHostException e) {
            throw new ScaleException("bad ip " + ip);
        }
    }
}
