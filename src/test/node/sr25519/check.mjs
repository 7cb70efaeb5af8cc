// Independent sr25519 / SS58 / $NACL implementation for the Java cross-check tests (KeysCrossCheckTest).
// stdin: a JSON array of requests {op, ...}; stdout: a JSON array of answers, in order. Bytes are hex.
// Two sr25519 implementations answer every signature and key question:
//   wasm  = @polkadot/wasm-crypto (the Rust schnorrkel + substrate-bip39 crates compiled to wasm)
//   scure = @scure/sr25519 (pure JS), through @polkadot/util-crypto / @polkadot/keyring where they wrap it
import { readFileSync } from 'node:fs';
import * as wasm from '@polkadot/wasm-crypto';
import * as scure from '@scure/sr25519';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, decodeAddress, encodeAddress, keyExtractSuri, mnemonicGenerate } from '@polkadot/util-crypto';
import { hexToU8a, u8aToHex, stringToU8a, u8aToString } from '@polkadot/util';
import sodium from 'libsodium-wrappers-sumo';

const hex = (u8a) => u8aToHex(u8a, -1, false);
const bytes = (h) => hexToU8a(h.startsWith('0x') ? h : '0x' + h);
// btwallet's NACL_SALT (src/keyfile.rs)
const NACL_SALT = Uint8Array.from([0x13, 0x71, 0x83, 0xdf, 0xf1, 0x5a, 0x09, 0xbc, 0x9c, 0x90, 0xb5, 0x51, 0x87, 0x39, 0xe9, 0xb1]);

const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

function wasmPairFromUri(uri) {
  const { phrase, password, path } = keyExtractSuri(uri.startsWith('/') ? DEV_PHRASE + uri : uri);
  const mini = phrase.startsWith('0x') ? bytes(phrase) : wasm.bip39ToMiniSecret(phrase, password ?? '');
  let pair = wasm.sr25519KeypairFromSeed(mini);
  for (const junction of path) {
    pair = junction.isHard
      ? wasm.sr25519DeriveKeypairHard(pair, junction.chainCode)
      : wasm.sr25519DeriveKeypairSoft(pair, junction.chainCode);
  }
  return { secret: pair.slice(0, 64), publicKey: pair.slice(64) };
}

// btwallet derives with OPSLIMIT_SENSITIVE / MEMLIMIT_SENSITIVE (512 MiB): slow, so once per password and run
const naclKeys = new Map();
function naclKey(password) {
  if (!naclKeys.has(password)) {
    naclKeys.set(password, argon2i(password, sodium.crypto_pwhash_OPSLIMIT_SENSITIVE, sodium.crypto_pwhash_MEMLIMIT_SENSITIVE));
  }
  return naclKeys.get(password);
}

function argon2i(password, opsLimit, memLimitBytes) {
  return sodium.crypto_pwhash(sodium.crypto_secretbox_KEYBYTES, stringToU8a(password), NACL_SALT, opsLimit, memLimitBytes,
    sodium.crypto_pwhash_ALG_ARGON2I13);
}

const ops = {
  publicFromSeed({ seed }) {
    const pair = wasm.sr25519KeypairFromSeed(bytes(seed));
    return { wasm: hex(pair.slice(64)), scure: hex(scure.getPublicKey(scure.secretFromSeed(bytes(seed)))) };
  },
  sign({ seed, message }) {
    const pair = wasm.sr25519KeypairFromSeed(bytes(seed));
    const pub = pair.slice(64);
    const scureSecret = scure.secretFromSeed(bytes(seed));
    return {
      publicKey: hex(pub),
      wasm: hex(wasm.sr25519Sign(pub, pair.slice(0, 64), bytes(message))),
      scure: hex(scure.sign(scureSecret, bytes(message))),
    };
  },
  verify({ publicKey, message, signature }) {
    const verdict = (f) => { try { return f(); } catch (e) { return false; } };
    return {
      wasm: verdict(() => wasm.sr25519Verify(bytes(signature), bytes(message), bytes(publicKey))),
      scure: verdict(() => scure.verify(bytes(message), bytes(signature), bytes(publicKey))),
    };
  },
  uri({ uri }) {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const pair = keyring.addFromUri(uri);
    return { keyring: hex(pair.publicKey), ss58: pair.address, wasm: hex(wasmPairFromUri(uri).publicKey) };
  },
  mnemonic({ words }) {
    const phrase = mnemonicGenerate(words ?? 12);
    return { phrase, miniSecret: hex(wasm.bip39ToMiniSecret(phrase, '')) };
  },
  ss58Encode({ publicKey, prefix }) {
    return { address: encodeAddress(bytes(publicKey), prefix) };
  },
  ss58Decode({ address }) {
    try {
      return { publicKey: hex(decodeAddress(address)) };
    } catch (e) {
      return { error: String(e.message ?? e) };
    }
  },
  argon2i({ password, opsLimit, memLimitBytes }) {
    return { key: hex(argon2i(password, opsLimit, memLimitBytes)) };
  },
  secretbox({ plaintext, key, nonce }) {
    return { box: hex(sodium.crypto_secretbox_easy(bytes(plaintext), bytes(nonce), bytes(key))) };
  },
  naclEncrypt({ plaintext, password }) {
    const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
    const box = sodium.crypto_secretbox_easy(stringToU8a(plaintext), nonce, naclKey(password));
    return { file: hex(new Uint8Array([...stringToU8a('$NACL'), ...nonce, ...box])) };
  },
  naclDecrypt({ file, password }) {
    const data = bytes(file).slice(5);
    try {
      const nonce = data.slice(0, sodium.crypto_secretbox_NONCEBYTES);
      const opened = sodium.crypto_secretbox_open_easy(data.slice(sodium.crypto_secretbox_NONCEBYTES), nonce, naclKey(password));
      return { plaintext: u8aToString(opened) };
    } catch (e) {
      return { error: String(e.message ?? e) };
    }
  },
  versions() {
    const version = (name) => JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url))).version;
    return Object.fromEntries(['@polkadot/wasm-crypto', '@polkadot/util-crypto', '@polkadot/keyring', '@scure/sr25519',
      'libsodium-wrappers-sumo'].map((n) => [n, version(n)]));
  },
};

await cryptoWaitReady();
await wasm.waitReady();
await sodium.ready;
const requests = JSON.parse(readFileSync(0, 'utf8'));
const answers = requests.map((request) => {
  const op = ops[request.op];
  if (!op) {
    return { error: `unknown op ${request.op}` };
  }
  return op(request);
});
process.stdout.write(JSON.stringify(answers));
