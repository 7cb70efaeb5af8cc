// Independent cross-check of the Java weights code (src/test/java/.../weights/WeightsNodeCrossCheckTest):
// @polkadot/types decodes each extrinsic with a hand-declared registry (no recorded runtime metadata is
// available here: the call layouts are declared from subtensor's dispatches.rs), @polkadot/util-crypto
// verifies the sr25519 signature over the rebuilt payload and hashes storage keys, @noble/curves opens the
// timelocked commit with drand's round signature (pairing and arkworks GT bytes computed here, not by blst).
import { TypeRegistry } from '@polkadot/types';
import { compactFromU8a, compactToU8a, hexToU8a, u8aConcat, u8aToHex, bnToU8a, stringToU8a } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, encodeAddress, sr25519Verify, xxhashAsU8a } from '@polkadot/util-crypto';
import { bls12_381 as bls } from '@noble/curves/bls12-381.js';
import { createDecipheriv, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const registry = new TypeRegistry();
registry.register({
  Signer: { _enum: { Id: 'AccountId32', Index: 'Compact<u32>', Raw: 'Bytes', Address32: '[u8;32]', Address20: '[u8;20]' } },
  Signature: { _enum: { Ed25519: '[u8;64]', Sr25519: '[u8;64]', Ecdsa: '[u8;65]' } },
  SignedHeader: { version: 'u8', signer: 'Signer', signature: 'Signature', era: 'ExtrinsicEra',
    nonce: 'Compact<u32>', tip: 'Compact<u128>', mode: 'u8' },
  SetMechanismWeights: { netuid: 'u16', mecid: 'u8', dests: 'Vec<u16>', weights: 'Vec<u16>', version_key: 'u64' },
  CommitTimelocked: { netuid: 'u16', mecid: 'u8', commit: 'Bytes', reveal_round: 'u64', commit_reveal_version: 'u16' },
  CommitWeights: { netuid: 'u16', commit_hash: 'H256' },
  RevealWeights: { netuid: 'u16', uids: 'Vec<u16>', values: 'Vec<u16>', salt: 'Vec<u16>', version_key: 'u64' },
  WeightsTlockPayload: { hotkey: 'Bytes', uids: 'Vec<u16>', values: 'Vec<u16>', version_key: 'u64' },
});
const CALLS = { 119: 'SetMechanismWeights', 118: 'CommitTimelocked', 96: 'CommitWeights', 97: 'RevealWeights' };
const QUICKNET_PK = hexToU8a('0x83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a');
const DST = 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_';
const FR = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;

const sha256 = (...parts) => new Uint8Array(createHash('sha256').update(Buffer.concat(parts.map(p => Buffer.from(p)))).digest());
const xor = (a, b) => a.map((x, i) => x ^ b[i]);
const le = (n, bytes) => bnToU8a(n, { bitLength: bytes * 8, isLe: true });

function decodeExtrinsic(x, req) {
  const bytes = hexToU8a(x.hex);
  const [offset, length] = compactFromU8a(bytes);
  const body = bytes.subarray(offset);
  if (length.toNumber() !== body.length) throw new Error('length prefix mismatch');
  const header = registry.createType('SignedHeader', body);
  const call = body.subarray(header.encodedLength);
  const type = CALLS[call[1]];
  if (call[0] !== 7 || !type) throw new Error(`not a SubtensorModule weights call: ${call[0]}/${call[1]}`);
  const args = registry.createType(type, call.subarray(2));
  if (args.encodedLength !== call.length - 2) throw new Error('trailing bytes after the call');
  const era = header.era.asMortalEra;
  const birth = era.birth(x.currentBlock);
  const extra = u8aConcat(header.era.toU8a(), compactToU8a(header.nonce.toBn()), compactToU8a(header.tip.toBn()),
    new Uint8Array([header.mode.toNumber()]));
  const payload = u8aConcat(call, extra, le(req.specVersion, 4), le(req.transactionVersion, 4), hexToU8a(req.genesis),
    hexToU8a(x.birthHash), new Uint8Array([0]));
  const signed = payload.length > 256 ? blake2AsU8a(payload, 256) : payload;
  const signer = header.signer.asId.toU8a();
  const out = {
    version: header.version.toNumber(), signer: encodeAddress(signer, 42), signatureType: header.signature.type,
    signatureValid: sr25519Verify(signed, header.signature.asSr25519.toU8a(), signer), payloadHashed: payload.length > 256,
    nonce: header.nonce.toNumber(), tip: header.tip.toString(), mode: header.mode.toNumber(),
    eraPeriod: era.period.toNumber(), eraPhase: era.phase.toNumber(), birth: Number(birth), callIndex: call[1],
    args: args.toJSON(), txHash: u8aToHex(blake2AsU8a(bytes, 256)),
  };
  if (type === 'CommitTimelocked') out.decrypted = openTimelock(args.commit.toU8a(true), hexToU8a(req.roundSignature));
  return out;
}

function gtArkworks(f) {
  const out = [];
  for (const c6 of [f.c0, f.c1]) for (const c2 of [c6.c0, c6.c1, c6.c2]) for (const c of [c2.c0, c2.c1]) out.push(le(c, 48));
  return u8aConcat(...out);
}

function openTimelock(ct, signature) {
  let at = 0;
  const take = (n) => { const v = ct.subarray(at, at + n); at += n; return v; };
  const vec = () => { const n = Number(new DataView(ct.buffer, ct.byteOffset + at, 8).getBigUint64(0, true)); at += 8; return take(n); };
  const u = bls.G2.Point.fromBytes(take(96));
  const v = vec(); const w = vec(); const body = vec(); const suite = new TextDecoder().decode(vec());
  if (at !== ct.length) throw new Error('trailing bytes in the ciphertext');
  let b = 0;
  const bvec = () => { const n = Number(new DataView(body.buffer, body.byteOffset + b, 8).getBigUint64(0, true)); b += 8; const r = body.subarray(b, b + n); b += n; return r; };
  const aes = bvec(); const nonce = bvec();
  const sig = bls.G1.Point.fromBytes(signature);
  const sigma = xor(v, sha256(gtArkworks(bls.pairing(sig, u))));
  const esk = xor(w, sha256(sigma));
  const r = BigInt(u8aToHex(sha256(sigma, esk))) % FR;
  const uMatches = bls.G2.Point.BASE.multiply(r).equals(u);
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(esk), Buffer.from(nonce));
  decipher.setAuthTag(Buffer.from(aes.subarray(aes.length - 16)));
  const plain = Buffer.concat([decipher.update(Buffer.from(aes.subarray(0, aes.length - 16))), decipher.final()]);
  const payload = registry.createType('WeightsTlockPayload', new Uint8Array(plain));
  return { suite, uMatches, nonceLength: nonce.length, payload: { hotkey: u8aToHex(payload.hotkey.toU8a(true)),
    uids: payload.uids.toJSON(), values: payload.get('values').toJSON(), version_key: payload.version_key.toNumber() } };
}

function roundSignatureValid(round, signature) {
  const msg = sha256(bnToU8a(BigInt(round), { bitLength: 64, isLe: false }));
  const h = bls.G1.hashToCurve(msg, { DST });
  const pk = bls.G2.Point.fromBytes(QUICKNET_PK);
  const sig = bls.G1.Point.fromBytes(hexToU8a(signature));
  return bls.fields.Fp12.eql(bls.pairing(sig, bls.G2.Point.BASE), bls.pairing(h, pk));
}

function storageKeys(req) {
  const p = (pallet, item) => u8aConcat(xxhashAsU8a(pallet, 128), xxhashAsU8a(item, 128));
  const netuid = le(req.netuid, 2);
  const hotkey = hexToU8a(req.hotkey);
  const t64 = (k) => u8aConcat(xxhashAsU8a(k, 64), k);
  return {
    CommitRevealWeightsEnabled: u8aToHex(u8aConcat(p('SubtensorModule', 'CommitRevealWeightsEnabled'), netuid)),
    WeightsSetRateLimit: u8aToHex(u8aConcat(p('SubtensorModule', 'WeightsSetRateLimit'), netuid)),
    WeightsVersionKey: u8aToHex(u8aConcat(p('SubtensorModule', 'WeightsVersionKey'), netuid)),
    Tempo: u8aToHex(u8aConcat(p('SubtensorModule', 'Tempo'), netuid)),
    ValidatorPermit: u8aToHex(u8aConcat(p('SubtensorModule', 'ValidatorPermit'), netuid)),
    SubnetEpochIndex: u8aToHex(u8aConcat(p('SubtensorModule', 'SubnetEpochIndex'), netuid)),
    LastUpdate: u8aToHex(u8aConcat(p('SubtensorModule', 'LastUpdate'), netuid)),
    RevealPeriodEpochs: u8aToHex(u8aConcat(p('SubtensorModule', 'RevealPeriodEpochs'), t64(netuid))),
    Uids: u8aToHex(u8aConcat(p('SubtensorModule', 'Uids'), netuid, blake2AsU8a(hotkey, 128), hotkey)),
    WeightCommits: u8aToHex(u8aConcat(p('SubtensorModule', 'WeightCommits'), t64(netuid), t64(hotkey))),
    CommitRevealWeightsVersion: u8aToHex(p('SubtensorModule', 'CommitRevealWeightsVersion')),
    LastStoredRound: u8aToHex(p('Drand', 'LastStoredRound')),
  };
}

function commitHash(c) {
  const input = registry.createType('(AccountId32, u16, Vec<u16>, Vec<u16>, Vec<u16>, u64)',
    [c.hotkey, c.netuid, c.uids, c.values, c.salt, c.versionKey]);
  return u8aToHex(blake2AsU8a(input.toU8a(), 256));
}

await cryptoWaitReady();
const req = JSON.parse(readFileSync(0, 'utf8'));
console.log(JSON.stringify({
  extrinsics: req.extrinsics.map((x) => decodeExtrinsic(x, req)),
  roundSignatureValid: roundSignatureValid(1000, req.roundSignature),
  roundSignatureValidFor1001: roundSignatureValid(1001, req.roundSignature),
  storageKeys: storageKeys(req),
  commitHash: commitHash(req.commit),
}));
