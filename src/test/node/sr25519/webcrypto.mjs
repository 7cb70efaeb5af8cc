// Node.js 18 (Debian 12's nodejs) has no global WebCrypto by default; @noble/@scure read it when loaded,
// so this module is imported before them.
import { webcrypto } from 'node:crypto';

if (!globalThis.crypto) {
  globalThis.crypto = webcrypto;
}
