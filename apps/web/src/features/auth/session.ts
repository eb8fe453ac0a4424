import { createContext, useContext } from 'react';

/** The signed-in user's session token, for the few parts that call the API without urql (the explorer). */
export const SessionTokenContext = createContext<string | null>(null);

export function useSessionToken(): string | null {
  return useContext(SessionTokenContext);
}
