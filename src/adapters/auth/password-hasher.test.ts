import { describe, expect, it } from 'vitest';
import { passwordHasher } from './password-hasher.ts';

describe('passwordHasher', () => {
  it('keeps argon2id hashes that verify only the right password', async () => {
    const hash = await passwordHasher.hash('Correct-Horse-Battery-9');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain('Correct-Horse');
    expect(await passwordHasher.verify(hash, 'Correct-Horse-Battery-9')).toBe(true);
    expect(await passwordHasher.verify(hash, 'correct-horse-battery-9')).toBe(false);
    expect(await passwordHasher.verify('not a hash', 'x')).toBe(false);
    expect(await passwordHasher.hash('Correct-Horse-Battery-9')).not.toBe(hash);
  });
});
