// Independent SCALE implementation for the Java tests: @polkadot/types encodes the fake node's
// fixtures from plain JSON and decodes what Java encodes.
//   node scale.mjs encode-neurons < neurons.json   -> hex of Vec<NeuronInfoLite>
//   node scale.mjs decode-neurons < hex            -> neurons as JSON
//   node scale.mjs encode-primitives < cases.json  -> {"cases":[{"type":..,"value":..,"hex":..}]}
//   node scale.mjs decode-primitives < cases.json  -> the same cases with "value" decoded from "hex"
import { TypeRegistry } from '@polkadot/types';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { readFileSync } from 'node:fs';

const registry = new TypeRegistry();
// subtensor pallets/subtensor/src/rpc_info/neuron_info.rs
registry.register({
  AxonInfo: { block: 'u64', version: 'u32', ip: 'u128', port: 'u16', ip_type: 'u8', protocol: 'u8',
    placeholder1: 'u8', placeholder2: 'u8' },
  PrometheusInfo: { block: 'u64', version: 'u32', ip: 'u128', port: 'u16', ip_type: 'u8' },
  NeuronInfoLite: {
    hotkey: 'AccountId32', coldkey: 'AccountId32', uid: 'Compact<u16>', netuid: 'Compact<u16>', active: 'bool',
    axon_info: 'AxonInfo', prometheus_info: 'PrometheusInfo', stake: 'Vec<(AccountId32, Compact<u64>)>',
    rank: 'Compact<u16>', emission: 'Compact<u64>', incentive: 'Compact<u16>', consensus: 'Compact<u16>',
    trust: 'Compact<u16>', validator_trust: 'Compact<u16>', dividends: 'Compact<u16>', last_update: 'Compact<u64>',
    validator_permit: 'bool', pruning_score: 'Compact<u16>',
  },
});

const input = readFileSync(0, 'utf8');
const command = process.argv[2];

// Big numbers travel as decimal strings; account ids as SS58 (prefix 42).
function toCodecValue(neuron) {
  const pub = (ss58) => u8aToHex(decodeAddress(ss58));
  return {
    ...neuron,
    hotkey: pub(neuron.hotkey), coldkey: pub(neuron.coldkey),
    axon_info: { ...neuron.axon_info, ip: BigInt(neuron.axon_info.ip), block: BigInt(neuron.axon_info.block) },
    prometheus_info: { ...neuron.prometheus_info, ip: BigInt(neuron.prometheus_info.ip),
      block: BigInt(neuron.prometheus_info.block) },
    stake: neuron.stake.map(([coldkey, amount]) => [pub(coldkey), BigInt(amount)]),
    emission: BigInt(neuron.emission), last_update: BigInt(neuron.last_update),
  };
}

function fromCodec(n) {
  const json = n.toJSON();
  const big = (codec) => codec.toBigInt().toString();
  return {
    ...json,
    hotkey: encodeAddress(n.hotkey.toU8a(), 42), coldkey: encodeAddress(n.coldkey.toU8a(), 42),
    axon_info: { ...json.axon_info, ip: big(n.axon_info.ip), block: big(n.axon_info.block) },
    prometheus_info: { ...json.prometheus_info, ip: big(n.prometheus_info.ip), block: big(n.prometheus_info.block) },
    stake: n.stake.map(([coldkey, amount]) => [encodeAddress(coldkey.toU8a(), 42), amount.toBigInt().toString()]),
    emission: big(n.emission), last_update: big(n.last_update),
  };
}

function primitive(type, value) {
  return ['bool', 'Text'].includes(type) || type.startsWith('Vec<u8') ? value : BigInt(value);
}

switch (command) {
  case 'encode-neurons': {
    const neurons = JSON.parse(input).map(toCodecValue);
    process.stdout.write(u8aToHex(registry.createType('Vec<NeuronInfoLite>', neurons).toU8a()));
    break;
  }
  case 'decode-neurons': {
    const decoded = registry.createType('Vec<NeuronInfoLite>', hexToU8a(input.trim()));
    process.stdout.write(JSON.stringify(decoded.map(fromCodec)));
    break;
  }
  case 'encode-primitives': {
    const cases = JSON.parse(input).map((c) => ({ ...c, hex: u8aToHex(registry.createType(c.type, primitive(c.type, c.value)).toU8a()) }));
    process.stdout.write(JSON.stringify(cases));
    break;
  }
  case 'decode-primitives': {
    const cases = JSON.parse(input).map((c) => {
      const codec = registry.createType(c.type, hexToU8a(c.hex));
      const value = typeof codec.toBigInt === 'function' ? codec.toBigInt().toString() : codec.toJSON();
      return { ...c, value };
    });
    process.stdout.write(JSON.stringify(cases));
    break;
  }
  default:
    process.stderr.write(`unknown command ${command}\n`);
    process.exit(2);
}
