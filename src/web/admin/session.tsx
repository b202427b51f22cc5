import { createContext, useContext } from 'react';
import type { AdminConfig } from './admin-config.ts';
import type { Me, ServiceBody } from './admin-api-types.ts';

/** The signed-in volunteer, the service bodies (for choosing one), and how to sign out. */
export interface Session {
  readonly me: Me;
  readonly bodies: readonly ServiceBody[];
  readonly config: AdminConfig;
  /** Reads the person again (after a role or second-factor change). */
  readonly refresh: () => Promise<void>;
  /** Back to the sign-in page, saying why. */
  readonly signedOut: (message: string) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

export function bodyName(bodies: readonly ServiceBody[], id: number | null): string {
  if (id === null) return 'none (administrators only)';
  return bodies.find((b) => b.id === id)?.name ?? `service body ${id}`;
}
