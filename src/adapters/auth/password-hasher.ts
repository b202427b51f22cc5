import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are kept as argon2id hashes (@node-rs/argon2: the binary for this platform comes
 * from the npm registry as its own package, nothing is compiled or downloaded at install). The
 * cost is OWASP's recommendation for argon2id: 19 MiB of memory, 2 passes, 1 lane.
 */
// The library's default algorithm is argon2id (its enum is a const enum TypeScript will not
// let us name here); the test checks every hash says $argon2id$.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const passwordHasher = {
  hash: (password: string): Promise<string> => hash(password, options),
  verify: async (hashed: string, password: string): Promise<boolean> => {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  },
};

export type PasswordHasher = typeof passwordHasher;
